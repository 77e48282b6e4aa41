package id.kinerja.tasklist;

import id.kinerja.tasklist.FormValidator.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A domain rule a task submission must keep beyond its form's own rules (e.g. an SKP needs at least
 * one Utama result). Features contribute them as beans.
 */
public interface SubmissionRule {

  /** Whether the rule concerns tasks with this form (the form's id). */
  boolean appliesTo(String formId);

  List<FieldError> check(TaskRow task, Map<String, Object> submission);
}
