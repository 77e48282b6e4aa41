package id.kinerja.platform;

import id.kinerja.deployment.InvalidUploadException;
import id.kinerja.engine.EngineException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors of the JSON API as RFC 9457 problem details, in the caller's language. */
@RestControllerAdvice(basePackages = "id.kinerja")
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(EngineException.class)
  ProblemDetail engineUnavailable(EngineException e, Locale locale) {
    // the engine's own words stay in the log: they name its internals, not what the caller can do
    log.warn("Engine error: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.engineUnavailable", locale);
  }

  @ExceptionHandler(Refusal.class)
  ProblemDetail refused(Refusal refusal, Locale locale) {
    ProblemDetail problem = problem(refusal.status(), refusal.code(), locale, refusal.arguments());
    refusal.details(messages, locale).forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(InvalidUploadException.class)
  ProblemDetail invalidUpload(InvalidUploadException e, Locale locale) {
    return problem(HttpStatus.BAD_REQUEST, "deployment.upload.invalidName", locale, e.fileName());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge", locale);
  }

  private ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... args) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, args, locale));
    problem.setProperty("code", code);
    return problem;
  }
}
