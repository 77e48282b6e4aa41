package id.kinerja.review;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rater sets the hasil-kerja rating, except for the head of the unit under review, whose rating
 * follows the unit's predikat (the process sets it from the decision rating-pimpinan-unit).
 */
@Component
class RatingRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return "rating".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    boolean unitHead =
        task.variables().get("evaluation") instanceof Map<?, ?> evaluation
            && Boolean.TRUE.equals(evaluation.get("unitHead"));
    if (!unitHead && submission.get("ratingHasilKerja") == null) {
      return List.of(new FieldError("ratingHasilKerja", "required", null));
    }
    return List.of();
  }
}
