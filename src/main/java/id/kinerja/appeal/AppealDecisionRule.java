package id.kinerja.appeal;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A final decision needs its grounds, and a changed result both new ratings (the predikat follows
 * from them); asking the employee first needs the question.
 */
@Component
class AppealDecisionRule implements SubmissionRule {

  static final int MIN_TEXT = 10;

  @Override
  public boolean appliesTo(String formId) {
    return "appeal-decision".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    Object decision = submission.get("appealDecision");
    if ("ASK_EMPLOYEE".equals(decision)) {
      requireText(submission, "employeeQuestion", errors);
      return errors;
    }
    requireText(submission, "decisionNotes", errors);
    if ("CHANGED".equals(decision)) {
      for (String field : List.of("newRatingHasilKerja", "newRatingPerilaku")) {
        if (submission.get(field) == null) {
          errors.add(new FieldError(field, "required", null));
        }
      }
    }
    return errors;
  }

  static void requireText(Map<String, Object> submission, String field, List<FieldError> errors) {
    Object value = submission.get(field);
    if (value == null || value.toString().isBlank()) {
      errors.add(new FieldError(field, "required", null));
    } else if (value.toString().strip().length() < MIN_TEXT) {
      errors.add(new FieldError(field, "minLength", MIN_TEXT));
    }
  }
}
