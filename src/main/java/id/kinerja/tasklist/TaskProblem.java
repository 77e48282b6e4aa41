package id.kinerja.tasklist;

import id.kinerja.platform.Refusal;
import id.kinerja.tasklist.FormValidator.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Why a task action was refused: an HTTP status, a message code of the tasklist bundle and, for
 * invalid input, the fields in error.
 */
public class TaskProblem extends Refusal {

  private final List<FieldError> fieldErrors;

  private TaskProblem(HttpStatus status, String code, List<FieldError> fieldErrors) {
    super(status, code);
    this.fieldErrors = fieldErrors;
  }

  static TaskProblem notFound() {
    return new TaskProblem(HttpStatus.NOT_FOUND, "tasklist.error.notFound", List.of());
  }

  static TaskProblem forbidden() {
    return new TaskProblem(HttpStatus.FORBIDDEN, "tasklist.error.forbidden", List.of());
  }

  static TaskProblem gone() {
    return new TaskProblem(HttpStatus.CONFLICT, "tasklist.error.gone", List.of());
  }

  static TaskProblem ended() {
    return new TaskProblem(HttpStatus.CONFLICT, "tasklist.error.ended", List.of());
  }

  static TaskProblem assignedToOther() {
    return new TaskProblem(HttpStatus.CONFLICT, "tasklist.error.assignedToOther", List.of());
  }

  static TaskProblem evidenceNotFound() {
    return new TaskProblem(HttpStatus.NOT_FOUND, "tasklist.error.evidenceNotFound", List.of());
  }

  static TaskProblem evidenceForbidden() {
    return new TaskProblem(HttpStatus.FORBIDDEN, "tasklist.error.evidenceForbidden", List.of());
  }

  static TaskProblem reasonRequired() {
    return new TaskProblem(HttpStatus.BAD_REQUEST, "tasklist.error.reasonRequired", List.of());
  }

  static TaskProblem unknownAssignee() {
    return new TaskProblem(
        HttpStatus.UNPROCESSABLE_ENTITY, "tasklist.error.unknownAssignee", List.of());
  }

  static TaskProblem invalid(List<FieldError> errors) {
    return new TaskProblem(HttpStatus.BAD_REQUEST, "tasklist.error.invalid", errors);
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** The fields in error, each with its message in the caller's language. */
  @Override
  protected Map<String, Object> details(MessageSource messages, Locale locale) {
    if (fieldErrors.isEmpty()) {
      return Map.of();
    }
    return Map.of(
        "errors",
        fieldErrors.stream()
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
}
