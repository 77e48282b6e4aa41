package id.kinerja.tasklist;

import id.kinerja.tasklist.FormValidator.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A submission may refer only to evidence uploaded for its own task: nobody attaches another
 * person's files by guessing their ids. Evidence links (bukti) are web addresses, http or https,
 * and nothing a browser would run when someone opens them.
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

  static final String LINK = "bukti";

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var ids = new ArrayList<String>();
    collect(submission, ids);
    var errors = new ArrayList<FieldError>();
    evidence.notOf(task.key(), ids).stream()
        .map(id -> new FieldError("evidence", "evidenceUnknown", id))
        .forEach(errors::add);
    links(submission, "", errors);
    return errors;
  }

  /** Every bukti in the submission, wherever a form put it: empty, or an http(s) address. */
  private static void links(Object value, String path, List<FieldError> errors) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, v) -> {
            String field = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            if (LINK.equals(key)
                && v instanceof String link
                && !link.isEmpty()
                && !isWebAddress(link)) {
              errors.add(new FieldError(field, "evidenceLink", null));
            } else {
              links(v, field, errors);
            }
          });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        links(list.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  static boolean isWebAddress(String link) {
    try {
      URI uri = new URI(link);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && link.chars().noneMatch(c -> c <= ' ');
    } catch (URISyntaxException e) {
      return false;
    }
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
