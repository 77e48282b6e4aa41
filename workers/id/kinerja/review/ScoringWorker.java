package id.kinerja.review;

import static id.kinerja.review.InvalidVariableException.expected;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Job workers of the review feature. Each is a pure function of the job's variables, so running a
 * job twice gives the same result (idempotent). The predikat itself is computed by the DMN business
 * rule task {@code predikat-kinerja}, not here.
 *
 * <p>Contracts (variable names as in the process):
 *
 * <ul>
 *   <li>{@value #SUGGEST_RATING}: in {@code indicators} (list of {jenis: UTAMA|TAMBAHAN, target,
 *       realisasi (may be null), lowerIsBetter (default false)}), optional {@code
 *       capaianFloorPercent} (0-100, default {@code kinerja.review.capaian-floor-percent}, 80); out
 *       {@code suggestedRating} (Rating name, or null when no suggestion is possible) and {@code
 *       capaian} (per indicator, input order: jenis, persen (null when unbounded or no realisasi),
 *       status, belowFloor).
 *   <li>{@value #CHECK_CURVE}: in {@code unitPredikat} (UnitPredikat name), {@code predikatList}
 *       (list of Predikat names), optional {@code curveConstraints} (the result of the decision
 *       {@code kurva-distribusi}; the built-in defaults when absent); out {@code curveViolations}
 *       (list of {code, comparison, group, percent, actualCount, total, limit, message
 *       (Indonesian), messageEn}) and {@code curveOk}.
 *   <li>{@value #LEGACY_SCORE}: in {@code nilaiSkp}, {@code nilaiPerilaku} (0-120), optional {@code
 *       peersRated}, {@code hasInnovation} (default false); out {@code nilaiKinerja}, {@code
 *       kategoriKinerja} (LegacyScore.Kategori name), {@code kategoriKinerjaLabel}.
 * </ul>
 *
 * <p>Unusable variables (missing, wrong type, unknown enum value) fail the job with retries 0, so
 * it becomes an incident at once; its message names the variable and the allowed values, in
 * Indonesian then English. The starter's {@code CamundaError.jobError} would put the whole stack
 * trace into the incident message, so these workers complete and fail their jobs themselves ({@code
 * autoComplete = false}). Any other exception is left to the starter: the job is retried.
 */
@Component
public class ScoringWorker {

  public static final String SUGGEST_RATING = "kinerja-suggest-rating";
  public static final String CHECK_CURVE = "kinerja-check-curve";
  public static final String LEGACY_SCORE = "kinerja-legacy-score";

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_LEGACY = BigDecimal.valueOf(120);

  private final MessageSource messages;
  private final BigDecimal defaultFloorPercent;

  public ScoringWorker(
      MessageSource messages,
      @Value("${kinerja.review.capaian-floor-percent:80}") BigDecimal defaultFloorPercent) {
    this.messages = messages;
    this.defaultFloorPercent = defaultFloorPercent;
  }

  @JobWorker(
      type = SUGGEST_RATING,
      autoComplete = false,
      fetchVariables = {"indicators", "capaianFloorPercent"})
  public void suggestRating(JobClient client, ActivatedJob job) {
    handle(client, job, this::suggestRating);
  }

  @JobWorker(
      type = CHECK_CURVE,
      autoComplete = false,
      fetchVariables = {"unitPredikat", "predikatList", "curveConstraints"})
  public void checkCurve(JobClient client, ActivatedJob job) {
    handle(client, job, this::checkCurve);
  }

  @JobWorker(
      type = LEGACY_SCORE,
      autoComplete = false,
      fetchVariables = {"nilaiSkp", "nilaiPerilaku", "peersRated", "hasInnovation"})
  public void legacyScore(JobClient client, ActivatedJob job) {
    handle(client, job, this::legacyScore);
  }

  /**
   * Completes the job with the work's result, or fails it with retries 0 and a readable message
   * when a variable is unusable.
   */
  private void handle(
      JobClient client, ActivatedJob job, Function<Map<String, Object>, Map<String, Object>> work) {
    Map<String, Object> result;
    try {
      result = work.apply(job.getVariablesAsMap());
    } catch (InvalidVariableException e) {
      client.newFailCommand(job).retries(0).errorMessage(message(e)).send().join();
      return;
    }
    client.newCompleteCommand(job).variables(result).send().join();
  }

  /** The readable text of an unusable variable: Indonesian, then English. */
  String message(InvalidVariableException e) {
    return text(e.problem(), INDONESIAN) + " / " + text(e.problem(), Locale.ENGLISH);
  }

  public Map<String, Object> suggestRating(Map<String, Object> variables) {
    BigDecimal floor =
        JobVariables.number(
            variables,
            "capaianFloorPercent",
            "capaianFloorPercent",
            BigDecimal.ZERO,
            HUNDRED,
            true);
    var calculator = new CapaianCalculator(floor == null ? defaultFloorPercent : floor);
    List<?> rows =
        JobVariables.requireList(variables, "indicators", "indicators", expected("list"));
    var indicators = new ArrayList<Indicator>();
    for (int i = 0; i < rows.size(); i++) {
      String name = "indicators[" + (i + 1) + "]";
      Map<?, ?> row = JobVariables.requireObject(rows.get(i), name, expected("indicator"));
      indicators.add(
          new Indicator(
              JobVariables.requireEnum(row, "jenis", name + ".jenis", Indicator.Jenis.class),
              JobVariables.number(row, "target", name + ".target", BigDecimal.ZERO, null, false),
              JobVariables.number(
                  row, "realisasi", name + ".realisasi", BigDecimal.ZERO, null, true),
              JobVariables.optionalBoolean(row, "lowerIsBetter", name + ".lowerIsBetter")));
    }
    CapaianCalculator.Result result = calculator.evaluate(indicators);
    var capaian = new ArrayList<Map<String, Object>>();
    for (CapaianCalculator.Capaian c : result.capaian()) {
      var row = new LinkedHashMap<String, Object>();
      row.put("jenis", c.indicator().jenis().name());
      row.put("persen", c.persen());
      row.put("status", c.status().name());
      row.put("belowFloor", c.belowFloor());
      capaian.add(row);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("suggestedRating", result.suggestedRating().map(Enum::name).orElse(null));
    out.put("capaian", capaian);
    return out;
  }

  public Map<String, Object> checkCurve(Map<String, Object> variables) {
    UnitPredikat unit =
        JobVariables.requireEnum(variables, "unitPredikat", "unitPredikat", UnitPredikat.class);
    List<?> names =
        JobVariables.requireList(
            variables,
            "predikatList",
            "predikatList",
            InvalidVariableException.oneOf(Predikat.class));
    var predikat = new ArrayList<Predikat>();
    for (int i = 0; i < names.size(); i++) {
      predikat.add(
          JobVariables.enumValue(names.get(i), "predikatList[" + (i + 1) + "]", Predikat.class));
    }
    List<CurveConstraint> constraints;
    if (variables.get("curveConstraints") == null) {
      constraints = CurveConstraints.defaults().forUnit(unit);
    } else {
      List<?> rows =
          JobVariables.requireList(
              variables, "curveConstraints", "curveConstraints", expected("list"));
      try {
        constraints = CurveConstraints.fromDecisionRows(rows);
      } catch (IllegalArgumentException e) {
        throw InvalidVariableException.invalid(
            "curveConstraints", rows, expected("curveRows", e.getMessage()));
      }
    }
    var violations = new ArrayList<Map<String, Object>>();
    for (CurveViolation v : CurveCheck.check(constraints, predikat)) {
      var row = new LinkedHashMap<String, Object>();
      row.put("code", v.constraintCode());
      row.put("comparison", v.constraint().comparison().name());
      row.put("group", sorted(v).stream().map(Enum::name).toList());
      row.put("percent", v.constraint().percent());
      row.put("actualCount", v.actualCount());
      row.put("total", v.total());
      row.put("limit", v.limit());
      row.put("message", curveMessage(v, INDONESIAN));
      row.put("messageEn", curveMessage(v, Locale.ENGLISH));
      violations.add(row);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("curveViolations", violations);
    out.put("curveOk", violations.isEmpty());
    return out;
  }

  public Map<String, Object> legacyScore(Map<String, Object> variables) {
    BigDecimal skp =
        JobVariables.number(variables, "nilaiSkp", "nilaiSkp", BigDecimal.ZERO, MAX_LEGACY, false);
    BigDecimal perilaku =
        JobVariables.number(
            variables, "nilaiPerilaku", "nilaiPerilaku", BigDecimal.ZERO, MAX_LEGACY, false);
    LegacyScore score =
        LegacyScore.of(
            skp,
            perilaku,
            JobVariables.optionalBoolean(variables, "peersRated", "peersRated"),
            JobVariables.optionalBoolean(variables, "hasInnovation", "hasInnovation"));
    var out = new LinkedHashMap<String, Object>();
    out.put("nilaiKinerja", score.nilai());
    out.put("kategoriKinerja", score.kategori().name());
    out.put("kategoriKinerjaLabel", score.kategori().label());
    return out;
  }

  /** The violation's message in the locale, e.g. "Predikat Baik paling banyak 70% ...". */
  public String curveMessage(CurveViolation v, Locale locale) {
    String separator = messages.getMessage("review.predikat.separator", null, locale);
    String group =
        sorted(v).stream()
            .map(p -> messages.getMessage("review.predikat." + p.name(), null, locale))
            .collect(Collectors.joining(separator));
    return messages.getMessage(
        v.messageKey(),
        new Object[] {group, v.constraint().percent(), v.limit(), v.total(), v.actualCount()},
        locale);
  }

  private static List<Predikat> sorted(CurveViolation v) {
    return v.constraint().group().stream().sorted(Comparator.naturalOrder()).toList();
  }

  private String text(MessageSourceResolvable resolvable, Locale locale) {
    return messages.getMessage(resolvable, locale);
  }
}
