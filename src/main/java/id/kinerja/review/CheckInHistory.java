package id.kinerja.review;

import id.kinerja.monitoring.CheckIns;
import id.kinerja.platform.Labels;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The check-ins of a post up to the end of a review period as the rater reads them back: the
 * feedback they gave each month (on results and per BerAKHLAK value) and the evidence the employee
 * attached, newest first.
 */
@Component
class CheckInHistory {

  private final CheckIns checkIns;
  private final Labels labels;

  CheckInHistory(CheckIns checkIns, Labels labels) {
    this.checkIns = checkIns;
    this.labels = labels;
  }

  record ValueFeedback(String value, String name, String feedback) {}

  record MonthFeedback(
      int month,
      String monthName,
      String results,
      String behaviour,
      List<ValueFeedback> perValue) {}

  record EvidenceFile(String name, String url) {}

  /** The evidence of one indicator in one month's check-in: files and a link, either optional. */
  record Evidence(int month, String monthName, String iki, List<EvidenceFile> files, String link) {}

  record History(Integer latestMonth, List<MonthFeedback> feedback, List<Evidence> evidence) {}

  History of(String nip, int year, int post, int lastMonth, Locale locale) {
    List<Map<String, Object>> rows =
        checkIns.ofEmployee(nip).stream()
            .filter(r -> (int) r.get("periodYear") == year && (int) r.get("post") == post)
            .filter(r -> (int) r.get("month") <= lastMonth)
            .toList();
    var feedback = new ArrayList<MonthFeedback>();
    var evidence = new ArrayList<Evidence>();
    for (Map<String, Object> row : rows) {
      int month = (int) row.get("month");
      String monthName = Month.of(month).getDisplayName(TextStyle.FULL, locale);
      feedback.add(
          new MonthFeedback(
              month,
              monthName,
              blankToNull(row.get("feedback")),
              blankToNull(row.get("feedbackPerilaku")),
              perValue(row.get("feedbackPerValue"), locale)));
      for (Object item : (List<?>) row.get("items")) {
        if (item instanceof Map<?, ?> indicator) {
          List<EvidenceFile> files = files(indicator.get("berkas"));
          String link = blankToNull(indicator.get("bukti"));
          if (!files.isEmpty() || link != null) {
            evidence.add(
                new Evidence(month, monthName, String.valueOf(indicator.get("iki")), files, link));
          }
        }
      }
    }
    return new History(
        rows.isEmpty() ? null : (Integer) rows.getFirst().get("month"), feedback, evidence);
  }

  private List<ValueFeedback> perValue(Object rows, Locale locale) {
    var given = new ArrayList<ValueFeedback>();
    for (Object row : rows instanceof List<?> list ? list : List.of()) {
      if (row instanceof Map<?, ?> map && map.get("nilai") != null) {
        String text = blankToNull(map.get("feedback"));
        if (text != null) {
          String value = map.get("nilai").toString();
          given.add(new ValueFeedback(value, labels.of("berakhlak", value, locale), text));
        }
      }
    }
    return given;
  }

  /** The stored references of a file picker; the download address is always the evidence API's. */
  private static List<EvidenceFile> files(Object references) {
    var files = new ArrayList<EvidenceFile>();
    for (Object reference : references instanceof List<?> list ? list : List.of()) {
      if (reference instanceof Map<?, ?> file && file.get("evidenceId") != null) {
        try {
          UUID id = UUID.fromString(file.get("evidenceId").toString());
          files.add(new EvidenceFile(String.valueOf(file.get("name")), "/api/evidence/" + id));
        } catch (IllegalArgumentException notAnId) {
          // the submission rules let only uploaded files through; anything else is no file
        }
      }
    }
    return files;
  }

  private static String blankToNull(Object text) {
    return text == null || text.toString().isBlank() ? null : text.toString();
  }
}
