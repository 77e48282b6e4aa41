package id.kinerja.tasklist;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused task actions as problem details in the caller's language, with field errors. */
@RestControllerAdvice(basePackageClasses = TaskProblemAdvice.class)
class TaskProblemAdvice {

  private final MessageSource messages;

  TaskProblemAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TaskProblem.class)
  ProblemDetail problem(TaskProblem problem, Locale locale) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            problem.status(), messages.getMessage(problem.code(), null, locale));
    detail.setProperty("code", problem.code());
    if (!problem.fieldErrors().isEmpty()) {
      detail.setProperty(
          "errors",
          problem.fieldErrors().stream()
              .map(
                  e ->
                      Map.of(
                          "field", e.field(),
                          "code", e.code(),
                          "message",
                              messages.getMessage(
                                  "tasklist.validation." + e.code(),
                                  new Object[] {e.argument()},
                                  e.code(),
                                  locale)))
              .toList());
    }
    return detail;
  }
}
