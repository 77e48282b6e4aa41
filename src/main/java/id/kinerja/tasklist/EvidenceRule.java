package id.kinerja.tasklist;

import id.kinerja.tasklist.FormValidator.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A submission may refer only to evidence uploaded for its own task: nobody attaches another
 * person's files by guessing their ids.
 */
@Component
class EvidenceRule implements SubmissionRule {

  private final TaskEvidence evidence;

  EvidenceRule(TaskEvidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public boolean appliesTo(String formId) {
    return true;
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var ids = new ArrayList<String>();
    collect(submission, ids);
    return evidence.notOf(task.key(), ids).stream()
        .map(id -> new FieldError("evidence", "evidenceUnknown", id))
        .toList();
  }

  private static void collect(Object value, List<String> ids) {
    if (value instanceof Map<?, ?> map) {
      if (map.get("evidenceId") != null) {
        ids.add(String.valueOf(map.get("evidenceId")));
      }
      map.values().forEach(v -> collect(v, ids));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, ids));
    }
  }
}
