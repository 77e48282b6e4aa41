package id.kinerja.tasklist;

import id.kinerja.tasklist.FormValidator.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Why a task action was refused: an HTTP status, a message code of the tasklist bundle and, for
 * invalid input, the fields in error.
 */
public class TaskProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final List<FieldError> fieldErrors;

  private TaskProblem(HttpStatus status, String code, List<FieldError> fieldErrors) {
    super(code);
    this.status = status;
    this.code = code;
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

  static TaskProblem invalid(List<FieldError> errors) {
    return new TaskProblem(HttpStatus.BAD_REQUEST, "tasklist.error.invalid", errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
