package id.kinerja.dashboard;

import id.kinerja.engine.Engine;
import id.kinerja.organisation.OrgUnit;
import id.kinerja.organisation.Organisation;
import id.kinerja.review.CurveCheck;
import id.kinerja.review.CurveConstraint;
import id.kinerja.review.CurveConstraints;
import id.kinerja.review.CurveMessages;
import id.kinerja.review.CurveViolation;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Evaluations.Evaluation;
import id.kinerja.review.Evaluations.UnitReview;
import id.kinerja.review.Predikat;
import id.kinerja.review.PredikatMatrix;
import id.kinerja.review.ReviewProperties;
import id.kinerja.review.UnitPredikat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A unit review's distribution of predikat beside its curve's limits, with every constraint named
 * and whether it holds, from the decision tables the process owner keeps (kurva-distribusi,
 * predikat-kinerja). The what-if view applies rating changes without saving them: the Pengelola
 * Kinerja sees the curve check before deciding in the calibration task.
 */
@Component
class CalibrationBoard {

  private final Evaluations evaluations;
  private final Organisation organisation;
  private final Engine engine;
  private final PredikatMatrix matrix;
  private final CurveMessages curveMessages;
  private final ReviewProperties review;
  private final MessageSource messages;

  CalibrationBoard(
      Evaluations evaluations,
      Organisation organisation,
      Engine engine,
      PredikatMatrix matrix,
      CurveMessages curveMessages,
      ReviewProperties review,
      MessageSource messages) {
    this.evaluations = evaluations;
    this.organisation = organisation;
    this.engine = engine;
    this.matrix = matrix;
    this.curveMessages = curveMessages;
    this.review = review;
    this.messages = messages;
  }

  /** A rating on the board changed in thought only. */
  record Change(long evaluationId, String ratingHasilKerja, String ratingPerilaku) {}

  /** One person on the board, as rated (or as changed in the what-if view). */
  record Person(
      long evaluationId,
      String nip,
      String name,
      String ratingHasilKerja,
      String ratingPerilaku,
      String predikat,
      boolean changed) {}

  /** One constraint of the curve: its sentence and whether the distribution meets it. */
  record Constraint(String code, String text, boolean holds) {}

  record Board(
      long reviewId,
      String unitCode,
      String unitName,
      String period,
      String periodLabel,
      String unitPredikat,
      String unitPredikatLabel,
      Chart chart,
      List<Constraint> constraints,
      List<String> violations,
      List<Person> people) {}

  Board of(UnitReview review, List<Change> changes, Locale locale) {
    var byId = new LinkedHashMap<Long, Change>();
    changes.forEach(c -> byId.put(c.evaluationId(), c));
    var people = new ArrayList<Person>();
    for (Evaluation ev : evaluations.ofReview(review.id())) {
      Change change = byId.get(ev.id());
      String hasil = change == null ? ev.ratingHasilKerja() : change.ratingHasilKerja();
      String perilaku = change == null ? ev.ratingPerilaku() : change.ratingPerilaku();
      String predikat =
          change == null
              ? ev.predikat()
              : hasil == null || perilaku == null ? null : matrix.predikat(hasil, perilaku);
      people.add(
          new Person(
              ev.id(),
              ev.employeeNip(),
              organisation.byNip(ev.employeeNip()).map(e -> e.name()).orElse(ev.employeeNip()),
              hasil,
              perilaku,
              predikat,
              change != null));
    }
    List<Predikat> predikatList =
        people.stream()
            .filter(p -> p.predikat() != null)
            .map(p -> Predikat.valueOf(p.predikat()))
            .toList();
    int n = predikatList.size();
    var counts = new EnumMap<Predikat, Integer>(Predikat.class);
    for (Predikat p : Predikat.values()) {
      counts.put(p, 0);
    }
    predikatList.forEach(p -> counts.merge(p, 1, Integer::sum));

    List<CurveConstraint> table =
        review.unitPredikat() == null
            ? List.of()
            : constraints(UnitPredikat.valueOf(review.unitPredikat()));
    List<CurveViolation> violated = CurveCheck.check(table, predikatList, this.review.readings());
    var upper = new EnumMap<Predikat, Integer>(Predikat.class);
    var lower = new EnumMap<Predikat, Integer>(Predikat.class);
    var named = new ArrayList<Constraint>();
    for (CurveConstraint c : table) {
      int limit =
          c.comparison() == CurveConstraint.Comparison.LARGEST
              ? counts.entrySet().stream()
                  .filter(e -> !c.group().contains(e.getKey()))
                  .mapToInt(Map.Entry::getValue)
                  .max()
                  .orElse(0)
              : limit(c, n);
      if (c.group().size() == 1) {
        Predikat p = c.group().iterator().next();
        switch (c.comparison()) {
          case AT_MOST, NONE -> upper.merge(p, limit, Math::min);
          case AT_LEAST, ANY -> lower.merge(p, limit, Math::max);
          default -> {}
        }
      }
      CurveViolation violation =
          violated.stream().filter(v -> v.constraint().equals(c)).findFirst().orElse(null);
      int actual = c.group().stream().mapToInt(counts::get).sum();
      named.add(
          new Constraint(
              c.code(),
              curveMessages.of(
                  violation != null ? violation : new CurveViolation(c, actual, n, limit), locale),
              violation == null));
    }
    var labels = new ArrayList<String>();
    var count = new ArrayList<Integer>();
    var most = new ArrayList<Integer>();
    var least = new ArrayList<Integer>();
    for (Predikat p : Predikat.values()) {
      labels.add(messages.getMessage("label.predikat." + p.name(), null, locale));
      count.add(counts.get(p));
      most.add(upper.get(p));
      least.add(lower.get(p));
    }
    Chart chart =
        new Chart(
            labels,
            List.of(
                new Chart.Series("count", text("dashboard.calibration.count", locale), count),
                new Chart.Series("atMost", text("dashboard.calibration.atMost", locale), most),
                new Chart.Series("atLeast", text("dashboard.calibration.atLeast", locale), least)),
            Map.of("total", n));
    String unitName =
        organisation.unit(review.unitCode()).map(OrgUnit::name).orElse(review.unitCode());
    return new Board(
        review.id(),
        review.unitCode(),
        unitName,
        review.period(),
        text("document.period." + review.period(), locale),
        review.unitPredikat(),
        review.unitPredikat() == null
            ? "-"
            : text("label.unitPredikat." + review.unitPredikat(), locale),
        chart,
        named,
        named.stream().filter(c -> !c.holds()).map(Constraint::text).toList(),
        people);
  }

  private List<CurveConstraint> constraints(UnitPredikat unit) {
    Object rows =
        engine.evaluateDecision(
            CurveConstraints.DECISION_ID, Map.of(CurveConstraints.INPUT, unit.name()));
    return CurveConstraints.fromDecisionRows(rows instanceof List<?> list ? list : List.of(rows));
  }

  /** The count a constraint allows (at most) or requires (at least) for n people. */
  private static int limit(CurveConstraint c, int n) {
    BigDecimal share =
        c.percent() == null ? BigDecimal.ZERO : c.percent().multiply(BigDecimal.valueOf(n));
    return switch (c.comparison()) {
      case AT_MOST -> share.divideToIntegralValue(BigDecimal.valueOf(100)).intValueExact();
      case AT_LEAST ->
          share.divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
      case NONE -> 0;
      case ANY -> 1;
      case LARGEST -> 0;
    };
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
