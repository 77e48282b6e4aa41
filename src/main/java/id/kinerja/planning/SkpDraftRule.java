package id.kinerja.planning;

import id.kinerja.review.Indicator.Tipe;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.SubmissionRule;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An SKP needs at least one Utama result, and every result at least one indicator (IKI). A
 * quantitative indicator needs a numeric target and its unit; a qualitative one a described
 * expected result instead (the form hides the other type's fields, so it cannot mark them required;
 * these messages name the indicator).
 */
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
        continue;
      }
      for (int j = 0; j < indicators.size(); j++) {
        if (indicators.get(j) instanceof Map<?, ?> iki) {
          checkIndicator(iki, "hasilKerja[" + i + "].indikator[" + j + "].", errors);
        }
      }
    }
    return errors;
  }

  private static void checkIndicator(Map<?, ?> iki, String prefix, List<FieldError> errors) {
    Object name = iki.get("iki");
    if (Tipe.of(iki.get("tipe")) == Tipe.KUALITATIF) {
      if (isBlank(iki.get("hasilDiharapkan"))) {
        errors.add(new FieldError(prefix + "hasilDiharapkan", "qualitativeNeedsExpectation", name));
      }
      return;
    }
    if (!(iki.get("target") instanceof Number)) {
      errors.add(new FieldError(prefix + "target", "quantitativeNeedsTarget", name));
    }
    if (isBlank(iki.get("satuan"))) {
      errors.add(new FieldError(prefix + "satuan", "quantitativeNeedsUnit", name));
    }
  }

  private static boolean isBlank(Object value) {
    return !(value instanceof String text) || text.isBlank();
  }
}
