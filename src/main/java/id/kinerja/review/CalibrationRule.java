package id.kinerja.review;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finalising against the curve needs a written justification (it is kept in the audit trail);
 * fixing needs at least one complete rating change.
 */
@Component
class CalibrationRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return "calibration".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    if ("JUSTIFY".equals(submission.get("calibrationAction"))) {
      Object text = submission.get("justification");
      if (text == null || text.toString().strip().length() < 20) {
        errors.add(new FieldError("justification", "minLength", 20));
      }
    } else if ("FIX".equals(submission.get("calibrationAction"))) {
      List<?> changes = submission.get("ratingChanges") instanceof List<?> list ? list : List.of();
      boolean complete =
          changes.stream()
              .anyMatch(
                  c ->
                      c instanceof Map<?, ?> m
                          && m.get("employeeNip") != null
                          && m.get("ratingHasilKerja") != null
                          && m.get("ratingPerilaku") != null);
      if (!complete) {
        errors.add(new FieldError("ratingChanges", "required", null));
      }
    }
    return errors;
  }
}
