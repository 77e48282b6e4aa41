package id.kinerja.appeal;

import id.kinerja.organisation.Organisation;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * An overdue appeal handed to another official: someone with an account in the organisation, who is
 * neither the employee, nor the rater whose result is contested, nor the current decider.
 */
@Component
class AppealEscalationRule implements SubmissionRule {

  private final Organisation organisation;

  AppealEscalationRule(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public boolean appliesTo(String formId) {
    return "appeal-escalation".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    if (!"REASSIGN".equals(submission.get("escalationAction"))) {
      return errors;
    }
    Object value = submission.get("newDecider");
    String username = value == null ? "" : value.toString().strip();
    if (username.isEmpty()) {
      errors.add(new FieldError("newDecider", "required", null));
    } else if (organisation.byUsername(username).isEmpty()) {
      errors.add(new FieldError("newDecider", "appealDeciderUnknown", username));
    } else if (List.of("employeeUsername", "raterUsername", "deciderUsername").stream()
        .map(task.variables()::get)
        .anyMatch(person -> Objects.equals(person, username))) {
      errors.add(new FieldError("newDecider", "appealDeciderConcerned", username));
    }
    return errors;
  }
}
