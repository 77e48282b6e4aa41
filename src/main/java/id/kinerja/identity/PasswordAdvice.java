package id.kinerja.identity;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused password as a 400 problem detail in the caller's language. */
@RestControllerAdvice(basePackageClasses = PasswordAdvice.class)
class PasswordAdvice {

  private final MessageSource messages;

  PasswordAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(Passwords.Refused.class)
  ProblemDetail refused(Passwords.Refused e, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(e.code, null, locale));
    problem.setProperty("code", e.code);
    return problem;
  }
}
