package id.kinerja.review;

import id.kinerja.tasklist.FormContext;
import id.kinerja.tasklist.TaskRow;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rating form's line on the 360 round of the employee and period ({@code feedback360Summary}),
 * read when the rater opens the task: a rating that waited for the round shows the answers that
 * came in meanwhile.
 */
@Component
class Feedback360FormContext implements FormContext {

  private final Feedback360 feedback;

  Feedback360FormContext(Feedback360 feedback) {
    this.feedback = feedback;
  }

  @Override
  public boolean appliesTo(String formId) {
    return "rating".equals(formId);
  }

  @Override
  public Map<String, Object> of(TaskRow task, Locale locale) {
    Object year = task.variables().get("periodYear");
    Object period = task.variables().get("period");
    if (task.employeeNip() == null || !(year instanceof Number number) || period == null) {
      return Map.of("feedback360Summary", "-");
    }
    return Map.of(
        "feedback360Summary",
        feedback.line(task.employeeNip(), number.intValue(), period.toString()));
  }
}
