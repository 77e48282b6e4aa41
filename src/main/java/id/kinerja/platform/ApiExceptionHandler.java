package id.kinerja.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import id.kinerja.deployment.InvalidUploadException;
import id.kinerja.engine.EngineException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details in the caller's language, naming what was
 * wrong (a field, a parameter) and never how the server is built: no SQL, stack trace or class
 * name. Bad input is a 4xx; a 500 says only that something unexpected happened, with a reference
 * that is in the log.
 */
@RestControllerAdvice(basePackages = "id.kinerja")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*\\b:?\\s*");
  private static final int VALUE_SHOWN = 40;

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(Refusal.class)
  ProblemDetail refused(Refusal refusal, Locale locale) {
    ProblemDetail problem = problem(refusal.status(), refusal.code(), locale, refusal.arguments());
    refusal.details(messages, locale).forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(EngineException.class)
  ProblemDetail engineUnavailable(EngineException e, Locale locale) {
    // the engine's own words stay in the log: they name its internals, not what the caller can do
    log.warn("Engine error: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.engineUnavailable", locale);
  }

  @ExceptionHandler(InvalidUploadException.class)
  ProblemDetail invalidUpload(InvalidUploadException e, Locale locale) {
    return problem(HttpStatus.BAD_REQUEST, "deployment.upload.invalidName", locale, e.fileName());
  }

  /** A value the database cannot take (too long, out of range, a NUL character) or a conflict. */
  @ExceptionHandler(DataAccessException.class)
  ProblemDetail database(DataAccessException e, HttpServletRequest request, Locale locale)
      throws Exception {
    if (DatabaseUnavailable.causes(e)) {
      throw e; // 503 from DatabaseOutageFilter
    }
    String state = sqlState(e);
    if (state != null && state.startsWith("22")) {
      log.info(
          "Refused a value the database cannot store on {}: {}", request.getRequestURI(), state);
      return problem(HttpStatus.BAD_REQUEST, "error.invalidValue", locale);
    }
    if (state != null && state.startsWith("23")) {
      log.info("Refused a conflicting change on {}: {}", request.getRequestURI(), state);
      return problem(HttpStatus.CONFLICT, "error.conflict", locale);
    }
    return unexpected(e, request, locale);
  }

  /** Security decides these itself: 401 and 403 problem details from SecurityConfig. */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void security(RuntimeException e) {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request, Locale locale)
      throws Exception {
    if (!request.getRequestURI().startsWith("/api/") || DatabaseUnavailable.causes(e)) {
      throw e; // pages show their own error page; DatabaseOutageFilter answers 503
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error(
        "Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
    ProblemDetail problem =
        problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", locale, reference);
    problem.setProperty("reference", reference);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    Throwable cause = e.getCause();
    if (cause instanceof BodyLimit.TooLarge tooLarge) {
      return answer(
          problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.bodyTooLarge", locale, tooLarge.limit()));
    }
    if (cause instanceof StreamConstraintsException) {
      return answer(problem(HttpStatus.BAD_REQUEST, "error.bodyTooComplex", locale));
    }
    if (cause instanceof JsonParseException parse) {
      var where = parse.getLocation();
      return answer(
          problem(
              HttpStatus.BAD_REQUEST,
              "error.malformedJson",
              locale,
              where == null ? 0 : where.getLineNr(),
              where == null ? 0 : where.getColumnNr()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.wrongType", locale, field);
      problem.setProperty("errors", List.of(fieldError(field, "error.field.type", locale)));
      return answer(problem);
    }
    if (cause instanceof JsonMappingException) {
      return answer(problem(HttpStatus.BAD_REQUEST, "error.bodyShape", locale));
    }
    if (cause == null) {
      return answer(problem(HttpStatus.BAD_REQUEST, "error.bodyMissing", locale));
    }
    return answer(problem(HttpStatus.BAD_REQUEST, "error.bodyUnreadable", locale));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldError> fields = e.getBindingResult().getFieldErrors();
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "error.invalidFields",
            locale,
            fields.stream().map(FieldError::getField).distinct().collect(Collectors.joining(", ")));
    problem.setProperty(
        "errors",
        fields.stream()
            .map(
                f ->
                    fieldError(
                        f.getField(), "error.field." + rule(f.getCode()), locale, f.getArguments()))
            .toList());
    return answer(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        problem(
            HttpStatus.BAD_REQUEST, "error.invalidParameters", LocaleContextHolder.getLocale()));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "?" : e.getPropertyName();
    return answer(
        problem(
            HttpStatus.BAD_REQUEST,
            "error.parameterType",
            LocaleContextHolder.getLocale(),
            name,
            shown(e.getValue())));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        problem(
            HttpStatus.BAD_REQUEST,
            "error.parameterMissing",
            LocaleContextHolder.getLocale(),
            e.getParameterName()));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        problem(
            HttpStatus.BAD_REQUEST,
            "error.partMissing",
            LocaleContextHolder.getLocale(),
            e.getRequestPartName()));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        problem(
            HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge", LocaleContextHolder.getLocale()));
  }

  /** A multipart body that cannot be read (not its size: that is 413 above). */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException e, Locale locale) {
    return problem(HttpStatus.BAD_REQUEST, "error.uploadUnreadable", locale);
  }

  /**
   * Every other error Spring MVC answers itself (404, 405, 406, 415, ...): its status with a
   * message of ours, so that no framework wording or class name reaches the caller.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(status)
        .headers(headers)
        .body(generic(status, LocaleContextHolder.getLocale()));
  }

  private ProblemDetail generic(HttpStatusCode status, Locale locale) {
    String code = "error.status." + status.value();
    String detail =
        messages.getMessage(
            code, null, messages.getMessage("error.status.other", null, locale), locale);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    return problem;
  }

  private ResponseEntity<Object> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... args) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, args, locale));
    problem.setProperty("code", code);
    return problem;
  }

  private Map<String, Object> fieldError(String field, String code, Locale locale, Object... args) {
    Object[] shownArgs = args == null ? new Object[0] : args;
    return Map.of(
        "field",
        field,
        "message",
        messages.getMessage(
            code,
            constraintArguments(shownArgs),
            messages.getMessage("error.field.invalid", null, locale),
            locale));
  }

  /** Bean Validation's arguments after the field's own name: min, max, pattern. */
  private static Object[] constraintArguments(Object[] args) {
    return Arrays.stream(args)
        .skip(1)
        .map(a -> a instanceof MessageSourceResolvable ? "" : a)
        .toArray();
  }

  private static String rule(String constraint) {
    return switch (constraint == null ? "" : constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "min";
      case "Max", "DecimalMax" -> "max";
      case "Size", "Length" -> "size";
      case "Pattern" -> "pattern";
      case "Email" -> "email";
      default -> "invalid";
    };
  }

  /**
   * The state of an error the database server answered; the driver's own errors (a column index out
   * of range, for one) are mistakes of ours, not of the caller's input.
   */
  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() > VALUE_SHOWN ? text.substring(0, VALUE_SHOWN) + "…" : text;
  }

  /** A message for people: without the class names some libraries put in front. */
  private static String plain(String message) {
    return message == null ? "" : CLASS_NAME.matcher(message).replaceAll("").strip();
  }
}
