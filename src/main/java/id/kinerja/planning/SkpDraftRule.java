package id.kinerja.planning;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An SKP needs at least one Utama result, and every result at least one indicator (IKI). */
@Component
class SkpDraftRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return "skp-draft".equals(formId);
  }

  @Override
  public List<FieldError> check(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    List<?> results = submission.get("hasilKerja") instanceof List<?> list ? list : List.of();
    if (results.stream()
        .noneMatch(r -> r instanceof Map<?, ?> m && "UTAMA".equals(m.get("jenis")))) {
      errors.add(new FieldError("hasilKerja", "skpNeedsUtama", null));
    }
    for (int i = 0; i < results.size(); i++) {
      if (!(results.get(i) instanceof Map<?, ?> result)
          || !(result.get("indikator") instanceof List<?> indicators)
          || indicators.isEmpty()) {
        errors.add(new FieldError("hasilKerja[" + i + "].indikator", "skpNeedsIndicator", null));
      }
    }
    return errors;
  }
}
