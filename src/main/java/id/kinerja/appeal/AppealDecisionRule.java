package id.kinerja.appeal;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Changing the result needs both new ratings: the predikat follows from them. */
@Component
class AppealDecisionRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return "appeal-decision".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    if ("CHANGED".equals(submission.get("appealDecision"))) {
      for (String field : List.of("newRatingHasilKerja", "newRatingPerilaku")) {
        if (submission.get(field) == null) {
          errors.add(new FieldError(field, "required", null));
        }
      }
    }
    return errors;
  }
}
