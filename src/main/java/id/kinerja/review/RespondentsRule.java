package id.kinerja.review;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 360 respondents are chosen among the people the org tree proposed, never typed in. */
@Component
class RespondentsRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return "feedback-respondents".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    Set<Object> proposed =
        (task.variables().get("respondentOptions") instanceof List<?> options ? options : List.of())
            .stream()
                .filter(o -> o instanceof Map<?, ?>)
                .map(o -> ((Map<?, ?>) o).get("value"))
                .collect(Collectors.toSet());
    List<?> chosen = submission.get("respondents") instanceof List<?> list ? list : List.of();
    return chosen.stream()
        .filter(c -> !proposed.contains(c))
        .map(c -> new FieldError("respondents", "choice", c))
        .toList();
  }
}
