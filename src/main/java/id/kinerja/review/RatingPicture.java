package id.kinerja.review;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords;
import id.kinerja.planning.SkpRecords.Skp;
import id.kinerja.platform.Labels;
import id.kinerja.platform.Refusal;
import id.kinerja.review.CheckInHistory.Evidence;
import id.kinerja.review.CheckInHistory.MonthFeedback;
import id.kinerja.review.Evaluations.Evaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rater's full picture of one evaluation, assembled from its sources: the SKP of the post, the
 * capaian at the end of the period with the suggestion and its rule, the check-ins' feedback and
 * evidence, the 360 aggregate, and for a unit the public answers about, the public's answers of the
 * period. Words in the caller's language; anonymous answers only as aggregates.
 */
@Component
class RatingPicture {

  private final Organisation organisation;
  private final SkpRecords skps;
  private final CapaianToDate capaianToDate;
  private final SuggestionWords suggestionWords;
  private final CheckInHistory history;
  private final Feedback360 feedback360;
  private final PublicAnswers publicAnswers;
  private final Labels labels;

  RatingPicture(
      Organisation organisation,
      SkpRecords skps,
      CapaianToDate capaianToDate,
      SuggestionWords suggestionWords,
      CheckInHistory history,
      Feedback360 feedback360,
      PublicAnswers publicAnswers,
      Labels labels) {
    this.organisation = organisation;
    this.skps = skps;
    this.capaianToDate = capaianToDate;
    this.suggestionWords = suggestionWords;
    this.history = history;
    this.feedback360 = feedback360;
    this.publicAnswers = publicAnswers;
    this.labels = labels;
  }

  record Person(String nip, String name, String position, String unitName) {}

  record IndicatorView(
      String iki, String aspek, Object target, String satuan, boolean lowerIsBetter) {}

  record ResultView(String jenis, String rhk, String rhkAtasan, List<IndicatorView> indicators) {}

  record SkpView(String status, String approach, List<ResultView> results) {}

  /**
   * One indicator as the latest check-in reported it; a qualitative one has no numbers but its
   * expected result and the employee's narrative, and is not counted.
   */
  record CapaianRow(
      String iki,
      String jenis,
      String satuan,
      BigDecimal annualTarget,
      BigDecimal targetToDate,
      BigDecimal realisasi,
      String capaian,
      boolean belowFloor,
      boolean lowerIsBetter,
      boolean qualitative,
      String expected,
      String narrative) {}

  record CapaianView(
      Integer checkInMonth, String checkInMonthName, String basis, List<CapaianRow> rows) {}

  record ScoreView(String value, String name, Double average, long answers) {}

  record SourceCount(String source, String name, long answers) {}

  record Feedback360View(long answers, List<SourceCount> perSource, List<ScoreView> perValue) {}

  record PublicView(
      String unitName,
      String period,
      long answers,
      List<ScoreView> perValue,
      List<PublicAnswers.Comment> recentComments) {}

  record Picture(
      Person employee,
      int periodYear,
      String period,
      SkpView skp,
      CapaianView capaian,
      SuggestionWords.Suggestion suggestion,
      List<MonthFeedback> feedback,
      List<Evidence> evidence,
      Feedback360View feedback360,
      PublicView publicAnswers) {}

  /**
   * @param unitHeadRating the hasil-kerja rating the rating-pimpinan-unit decision gave a unit
   *     head, null for anyone else
   */
  Picture of(Evaluation evaluation, String unitHeadRating, Locale locale) {
    Employee employee =
        organisation
            .byNip(evaluation.employeeNip())
            .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "review.error.noPicture"));
    int year = evaluation.periodYear();
    CapaianToDate.Outcome outcome =
        capaianToDate.of(employee.nip(), year, evaluation.period(), evaluation.post());
    CheckInHistory.History checkIns =
        history.of(employee.nip(), year, evaluation.post(), outcome.lastMonth(), locale);
    return new Picture(
        new Person(employee.nip(), employee.name(), employee.position(), employee.unitName()),
        year,
        labels.of("period", evaluation.period(), locale),
        skp(employee.nip(), year, evaluation.post(), locale),
        capaian(outcome, checkIns, locale),
        suggestionWords.of(outcome, unitHeadRating, locale),
        checkIns.feedback(),
        checkIns.evidence(),
        feedback360(employee.nip(), year, evaluation.period(), locale),
        publicView(employee, year, evaluation.period(), locale));
  }

  /** The SKP of the post: the approved one, else the latest. */
  private SkpView skp(String nip, int year, int post, Locale locale) {
    return skps.ofEmployee(nip).stream()
        .filter(s -> s.periodYear() == year && s.post() == post)
        .min(
            Comparator.comparing((Skp s) -> !"APPROVED".equals(s.status()))
                .thenComparing(s -> -s.id()))
        .map(s -> skpView(s, locale))
        .orElse(null);
  }

  private SkpView skpView(Skp skp, Locale locale) {
    var results = new ArrayList<ResultView>();
    for (JsonNode result : skp.content().path("hasilKerja")) {
      var indicators = new ArrayList<IndicatorView>();
      for (JsonNode iki : result.path("indikator")) {
        indicators.add(
            new IndicatorView(
                iki.path("iki").asText(),
                labels.of("aspek", textOrNull(iki.path("aspek")), locale),
                iki.path("target").isNumber() ? iki.path("target").decimalValue() : null,
                textOrNull(iki.path("satuan")),
                iki.path("lowerIsBetter").asBoolean(false)));
      }
      String rhkAtasan = textOrNull(result.path("chosenRhkAtasan"));
      results.add(
          new ResultView(
              labels.of("jenis", textOrNull(result.path("jenis")), locale),
              result.path("rhk").asText(),
              rhkAtasan != null ? rhkAtasan : textOrNull(result.path("rhkAtasan")),
              indicators));
    }
    return new SkpView(
        labels.of("skpStatus", skp.status(), locale),
        labels.of("approach", skp.approach(), locale),
        results);
  }

  private CapaianView capaian(
      CapaianToDate.Outcome outcome, CheckInHistory.History checkIns, Locale locale) {
    var rows = new ArrayList<CapaianRow>();
    for (CapaianToDate.Row row : outcome.rows()) {
      Map<String, Object> item = row.item();
      var capaian = row.capaian();
      String jenis =
          labels.of("jenis", "TAMBAHAN".equals(item.get("jenis")) ? "TAMBAHAN" : "UTAMA", locale);
      String iki = String.valueOf(item.get("iki"));
      if (capaian.status() == CapaianCalculator.Status.TIDAK_DIHITUNG) {
        rows.add(
            new CapaianRow(
                iki,
                jenis,
                null,
                null,
                null,
                null,
                suggestionWords.percent(capaian, locale),
                false,
                false,
                true,
                text(item.get("hasilDiharapkan")),
                text(item.get("narasi"))));
        continue;
      }
      rows.add(
          new CapaianRow(
              iki,
              jenis,
              text(item.get("satuan")),
              new BigDecimal(item.get("target").toString()),
              row.targetToDate().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros(),
              capaian.indicator().realisasi(),
              suggestionWords.percent(capaian, locale),
              capaian.belowFloor(),
              capaian.indicator().lowerIsBetter(),
              false,
              null,
              null));
    }
    Integer month = checkIns.latestMonth();
    return new CapaianView(
        month,
        month == null ? null : Month.of(month).getDisplayName(TextStyle.FULL, locale),
        suggestionWords.basis(outcome, locale),
        rows);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private Feedback360View feedback360(String nip, int year, String period, Locale locale) {
    Feedback360.Aggregate aggregate = feedback360.aggregate(nip, year, period);
    return new Feedback360View(
        aggregate.answersPerSource().values().stream().mapToLong(Long::longValue).sum(),
        aggregate.answersPerSource().entrySet().stream()
            .map(
                e ->
                    new SourceCount(
                        e.getKey(), labels.of("feedbackSource", e.getKey(), locale), e.getValue()))
            .toList(),
        scores(aggregate.perValue(), locale));
  }

  /** The public's answers of the period, for a unit the public answered about this year. */
  private PublicView publicView(Employee employee, int year, String period, Locale locale) {
    if (!publicAnswers.anyIn(employee.unitCode(), year)) {
      return null;
    }
    PublicAnswers.Summary summary = publicAnswers.of(employee.unitCode(), year, period);
    return new PublicView(
        employee.unitName(),
        labels.of("period", period, locale),
        summary.answers(),
        scores(summary.perValue(), locale),
        summary.recentComments());
  }

  private List<ScoreView> scores(List<ValueScore> scores, Locale locale) {
    return scores.stream()
        .map(
            s ->
                new ScoreView(
                    s.value(), labels.of("berakhlak", s.value(), locale), s.average(), s.answers()))
        .toList();
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }
}
