package id.kinerja.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.organisation.Organisation;
import id.kinerja.review.Evaluations.Evaluation;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers of processes/unit-review.bpmn (those of each employee's steps: EmployeeReviewWorker). The
 * matrix and the curve live in DMN tables (predikat- kinerja, kurva-distribusi) that process owners
 * change; these workers only keep the records. Public: the job worker annotation processor calls
 * them reflectively.
 */
@Component
public class UnitReviewWorker {

  private final Jobs jobs;

  private static final String ANNUAL = "ANNUAL";

  private final Evaluations evaluations;
  private final UnitReviews unitReviews;
  private final PredikatMatrix matrix;
  private final Engine engine;
  private final EngineClock clock;
  private final Notifications notifications;
  private final Organisation organisation;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final ReviewProperties properties;
  private final CurveMessages curveMessages;

  UnitReviewWorker(
      Jobs jobs,
      Evaluations evaluations,
      UnitReviews unitReviews,
      PredikatMatrix matrix,
      Engine engine,
      EngineClock clock,
      Notifications notifications,
      Organisation organisation,
      AuditTrail audit,
      TransactionTemplate transactions,
      ObjectMapper json,
      ReviewProperties properties,
      CurveMessages curveMessages) {
    this.properties = properties;
    this.curveMessages = curveMessages;
    this.jobs = jobs;
    this.evaluations = evaluations;
    this.unitReviews = unitReviews;
    this.matrix = matrix;
    this.engine = engine;
    this.clock = clock;
    this.notifications = notifications;
    this.organisation = organisation;
    this.audit = audit;
    this.transactions = transactions;
    this.json = json;
  }

  @JobWorker(type = "kinerja-review-prepare", autoComplete = false)
  public void prepare(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          UnitPredikat unitPredikat = input.choice("predikatOrganisasi", UnitPredikat.class);
          // a review the calendar started runs as a called process: its key is known only here
          unitReviews.attachProcess(reviewId(input), input.processInstanceKey());
          return Map.of("evaluations", evaluations.prepare(reviewId(input), unitPredikat.name()));
        });
  }

  /** Checks the unit's distribution against the rows of the curve decision for its predikat. */
  @JobWorker(type = "kinerja-review-curve", autoComplete = false)
  public void curve(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          long reviewId = reviewId(input);
          UnitPredikat unit = input.choice("predikatOrganisasi", UnitPredikat.class);
          Object rows =
              engine.evaluateDecision(
                  CurveConstraints.DECISION_ID, Map.of(CurveConstraints.INPUT, unit.name()));
          List<CurveConstraint> constraints;
          try {
            constraints =
                CurveConstraints.fromDecisionRows(rows instanceof List<?> list ? list : List.of());
          } catch (IllegalArgumentException e) {
            throw JobInput.invalid(
                CurveConstraints.DECISION_ID, "a readable curve table", e.getMessage());
          }
          List<Predikat> predikat =
              evaluations.ofReview(reviewId).stream()
                  .filter(e -> e.predikat() != null)
                  .map(e -> Predikat.valueOf(e.predikat()))
                  .toList();
          List<CurveViolation> violations =
              CurveCheck.check(constraints, predikat, properties.readings());
          var described = new ArrayList<Map<String, Object>>();
          for (CurveViolation v : violations) {
            var item = new LinkedHashMap<String, Object>();
            item.put("code", v.constraintCode());
            item.put("actual", v.actualCount());
            item.put("total", v.total());
            item.put("limit", v.limit());
            item.put("message", curveMessages.of(v, Locale.forLanguageTag("id")));
            item.put("messageEn", curveMessages.of(v, Locale.ENGLISH));
            described.add(item);
          }
          evaluations.recordCurve(reviewId, toJson(described));
          String summary =
              String.join(" ", described.stream().map(d -> (String) d.get("message")).toList());
          return Map.of(
              "curveOk",
              violations.isEmpty(),
              "curveViolations",
              described,
              "curveSummary",
              summary);
        });
  }

  /**
   * Applies the Pengelola Kinerja's fixes (predikat again from the matrix) or keeps the
   * justification.
   */
  @JobWorker(type = "kinerja-review-calibrated", autoComplete = false)
  public void calibrated(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          long reviewId = reviewId(input);
          String action = input.text("calibrationAction");
          String actor = input.textOrNull("completedBy");
          if ("JUSTIFY".equals(action)) {
            String justification = input.text("justification");
            transactions.executeWithoutResult(
                s -> {
                  evaluations.justify(reviewId, justification, actor);
                  audit.record(
                      actor == null ? "engine" : actor,
                      "CURVE_JUSTIFIED",
                      "UNIT_REVIEW",
                      reviewId,
                      null,
                      Map.of("justification", justification));
                });
            return Map.of();
          }
          Object changes = input.all().get("ratingChanges");
          for (Object change : changes instanceof List<?> list ? list : List.of()) {
            if (!(change instanceof Map<?, ?> row) || row.get("employeeNip") == null) {
              continue;
            }
            Evaluation evaluation =
                evaluations.ofReview(reviewId).stream()
                    .filter(e -> e.employeeNip().equals(row.get("employeeNip")))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            JobInput.invalid(
                                "ratingChanges.employeeNip",
                                "the NIP of an employee of this unit",
                                row.get("employeeNip")));
            String hasil = String.valueOf(row.get("ratingHasilKerja"));
            String perilaku = String.valueOf(row.get("ratingPerilaku"));
            String predikat = matrix.predikat(hasil, perilaku);
            transactions.executeWithoutResult(
                s -> {
                  evaluations.rate(evaluation.id(), hasil, perilaku, predikat, null);
                  audit.record(
                      actor == null ? "engine" : actor,
                      "RATING_CALIBRATED",
                      "EVALUATION",
                      evaluation.id(),
                      Map.of(
                          "hasil",
                          String.valueOf(evaluation.ratingHasilKerja()),
                          "perilaku",
                          String.valueOf(evaluation.ratingPerilaku())),
                      Map.of("hasil", hasil, "perilaku", perilaku, "predikat", predikat));
                });
          }
          return Map.of();
        });
  }

  /** Delivers the results: each employee is told (a legal notice) and the appeal window opens. */
  @JobWorker(type = "kinerja-review-deliver", autoComplete = false)
  public void deliver(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          long reviewId = reviewId(input);
          List<Evaluation> delivered =
              transactions.execute(
                  s -> {
                    List<Evaluation> all =
                        evaluations.deliver(
                            reviewId, LocalDate.ofInstant(clock.now(), input.zoneOffset()));
                    for (Evaluation e : all) {
                      organisation
                          .byNip(e.employeeNip())
                          .map(emp -> emp.username())
                          .filter(notifications::canNotify)
                          .ifPresent(
                              username ->
                                  notifications.enqueue(
                                      new NotificationRequest(
                                          "result:" + e.id(),
                                          NotificationType.RESULT_DELIVERED,
                                          username,
                                          Map.of(
                                              "predikat",
                                              String.valueOf(e.predikat()),
                                              "periodYear",
                                              e.periodYear(),
                                              "period",
                                              e.period(),
                                              "appealDeadline",
                                              String.valueOf(e.appealDeadline())),
                                          "/my/skp")));
                    }
                    return all;
                  });
          var belowExpectation = new ArrayList<Map<String, Object>>();
          for (Evaluation e : delivered) {
            if (ANNUAL.equals(e.period())) {
              // the employee's performance year waits for its annual result only
              engine.publishMessage(
                  "result-delivered",
                  e.employeeNip() + "-" + e.periodYear(),
                  "result-" + e.id(),
                  Map.of(
                      "evaluationId",
                      e.id(),
                      "predikat",
                      String.valueOf(e.predikat()),
                      "appealDeadline",
                      String.valueOf(e.appealDeadline())));
            } else if (Rating.DI_BAWAH_EKSPEKTASI.name().equals(e.ratingHasilKerja())
                || Rating.DI_BAWAH_EKSPEKTASI.name().equals(e.ratingPerilaku())) {
              belowExpectation.add(coachee(e));
            }
          }
          return Map.of("belowExpectation", belowExpectation);
        });
  }

  /** A periodic rating below expectation starts pembinaan (rules.md, the cycle, step 2). */
  private Map<String, Object> coachee(Evaluation e) {
    var item = new LinkedHashMap<String, Object>();
    item.put("evaluationId", e.id());
    item.put("employeeNip", e.employeeNip());
    item.put(
        "employeeUsername",
        organisation.byNip(e.employeeNip()).map(emp -> emp.username()).orElse(null));
    item.put("raterUsername", e.raterUsername());
    item.put("periodYear", e.periodYear());
    item.put("reason", "PERIODIC_RATING_" + e.period());
    return item;
  }

  private static long reviewId(JobInput input) {
    return input.integer("unitReviewId");
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
