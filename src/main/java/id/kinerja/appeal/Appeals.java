package id.kinerja.appeal;

import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.engine.EngineClock;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Evaluations.Evaluation;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Filing appeals (keberatan) inside the window, and recording explanations and final decisions. */
@Service
public class Appeals {

  /** The superior's final decision (asking the employee first is a step, not a decision). */
  public enum Decision {
    UPHELD,
    CHANGED,
    REJECTED
  }

  private final JdbcClient jdbc;
  private final Evaluations evaluations;
  private final Organisation organisation;
  private final Engine engine;
  private final EngineClock clock;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final AgencyTime time;

  Appeals(
      JdbcClient jdbc,
      Evaluations evaluations,
      Organisation organisation,
      Engine engine,
      EngineClock clock,
      Notifications notifications,
      AuditTrail audit,
      AgencyTime time) {
    this.time = time;
    this.jdbc = jdbc;
    this.evaluations = evaluations;
    this.organisation = organisation;
    this.engine = engine;
    this.clock = clock;
    this.notifications = notifications;
    this.audit = audit;
  }

  /**
   * Files the employee's appeal and starts its process. Refused outside the 14 days after the
   * result was delivered (the last day ends at midnight where the employee's agency works, by the
   * engine's clock, which the demo can move), and when nobody can decide it: the rater's superior
   * as the organisation derives them.
   */
  @Transactional
  public long file(long evaluationId, String username, String reasons) {
    Evaluation evaluation = appealable(evaluationId, username);
    Employee employee = organisation.byNip(evaluation.employeeNip()).orElseThrow();
    if (!"DELIVERED".equals(evaluation.status()) || evaluation.appealDeadline() == null) {
      throw new AppealRefused(HttpStatus.CONFLICT, "appeal.error.notDelivered", evaluationId);
    }
    ZoneId zone = time.zoneOf(employee);
    if (time.today(zone).isAfter(evaluation.appealDeadline())) {
      throw new AppealRefused(
          HttpStatus.CONFLICT, "appeal.error.windowClosed", evaluation.appealDeadline());
    }
    if (reasons == null || reasons.strip().length() < 20) {
      throw new AppealRefused(HttpStatus.BAD_REQUEST, "appeal.error.reasons", null);
    }
    String decider = organisation.appealDecider(employee).map(Employee::username).orElse(null);
    if (decider == null) {
      throw new AppealRefused(
          HttpStatus.UNPROCESSABLE_ENTITY, "appeal.error.noDecider", employee.name());
    }
    OffsetDateTime filedAt = clock.now().atOffset(ZoneOffset.of(time.offset(zone)));
    Long appealId =
        jdbc.sql(
                """
                insert into appeal (evaluation_id, employee_nip, rater_nip, reasons, filed_at, decider_username)
                values (:evaluation, :nip, :rater, :reasons, :filedAt, :decider)
                on conflict (evaluation_id) do nothing
                returning id""")
            .param("evaluation", evaluationId)
            .param("nip", evaluation.employeeNip())
            .param("rater", evaluation.raterNip())
            .param("reasons", reasons.strip())
            .param("filedAt", filedAt)
            .param("decider", decider)
            .query(Long.class)
            .optional()
            .orElseThrow(
                () ->
                    new AppealRefused(
                        HttpStatus.CONFLICT, "appeal.error.alreadyFiled", evaluationId));
    var variables = new HashMap<String, Object>();
    variables.put("appealId", appealId);
    variables.put("evaluationId", evaluationId);
    variables.put("employeeNip", evaluation.employeeNip());
    // the tasklist files the appeal's tasks under the evaluated year and period
    variables.put("periodYear", evaluation.periodYear());
    variables.put("period", evaluation.period());
    variables.put("employeeUsername", username);
    variables.put("raterUsername", evaluation.raterUsername());
    variables.put("deciderUsername", decider);
    variables.put("reasons", reasons.strip());
    variables.put("filedAt", filedAt.toString());
    variables.put(AgencyTime.OFFSET_VARIABLE, time.offset(zone));
    long instance = engine.startProcess("appeal", variables);
    jdbc.sql("update appeal set process_instance_key = :key where id = :id")
        .param("key", instance)
        .param("id", appealId)
        .update();
    for (String person : List.of(String.valueOf(evaluation.raterUsername()), decider)) {
      if (notifications.canNotify(person)) {
        notifications.enqueue(
            new NotificationRequest(
                "appeal-filed:" + appealId,
                NotificationType.APPEAL_FILED,
                person,
                Map.of(
                    "periodYear",
                    evaluation.periodYear(),
                    "employeeName",
                    organisation.byNip(evaluation.employeeNip()).map(e -> e.name()).orElse("")),
                "/tasks"));
      }
    }
    audit.record(
        username,
        "APPEAL_FILED",
        "EVALUATION",
        evaluationId,
        null,
        Map.of("appealId", appealId, "reasons", reasons.strip()));
    return appealId;
  }

  /** The evaluation, if it exists and is the person's own result: only they may appeal it. */
  public Evaluation appealable(long evaluationId, String username) {
    Evaluation evaluation =
        evaluations
            .byId(evaluationId)
            .orElseThrow(
                () ->
                    new AppealRefused(
                        HttpStatus.NOT_FOUND, "evaluation.error.notFound", evaluationId));
    String owner = organisation.byNip(evaluation.employeeNip()).map(e -> e.username()).orElse(null);
    if (!username.equals(owner)) {
      throw new AppealRefused(HttpStatus.FORBIDDEN, "appeal.error.notYours", evaluationId);
    }
    return evaluation;
  }

  @Transactional
  public void explain(long appealId, String explanation) {
    jdbc.sql("update appeal set explanation = :e where id = :id")
        .param("e", explanation)
        .param("id", appealId)
        .update();
  }

  /** The decider's question to the employee, and the employee's answer. */
  @Transactional
  public void employeeExplained(long appealId, String question, String explanation) {
    jdbc.sql("update appeal set employee_question = :q, employee_explanation = :e where id = :id")
        .param("q", question)
        .param("e", explanation)
        .param("id", appealId)
        .update();
  }

  /**
   * The Pengelola Kinerja's follow-up of an overdue appeal, handing the decision to another
   * official when asked (who may then see the evaluation); audited.
   */
  @Transactional
  public void escalated(long appealId, String notes, String newDecider, String by) {
    String before =
        jdbc.sql("select decider_username from appeal where id = :id")
            .param("id", appealId)
            .query(String.class)
            .single();
    jdbc.sql(
            """
            update appeal set escalation_notes = :notes, decider_username = coalesce(:decider, decider_username)
            where id = :id""")
        .param("notes", notes)
        .param("decider", newDecider)
        .param("id", appealId)
        .update();
    if (newDecider != null) {
      jdbc.sql(
              "update evaluation set decider_username = :decider where id = (select evaluation_id from appeal where id = :id)")
          .param("decider", newDecider)
          .param("id", appealId)
          .update();
    }
    audit.record(
        by == null ? "engine" : by,
        newDecider == null ? "APPEAL_FOLLOWED_UP" : "APPEAL_REASSIGNED",
        "APPEAL",
        appealId,
        Map.of("decider", String.valueOf(before)),
        Map.of(
            "decider", String.valueOf(newDecider == null ? before : newDecider), "notes", notes));
  }

  /**
   * Records the final decision once; a CHANGED decision replaces the evaluation's ratings and
   * predikat. The employee is told on their own (a legal notice).
   */
  @Transactional
  public void decide(
      long appealId,
      Decision decision,
      String newHasil,
      String newPerilaku,
      String newPredikat,
      String notes,
      String decidedBy) {
    int updated =
        jdbc.sql(
                """
                update appeal set status = :status, decision_notes = :notes, decided_at = :at, decided_by = :by,
                  decider_nip = (select nip from employee e join app_user u on u.employee_id = e.id where u.username = :by)
                where id = :id and status = 'OPEN'""")
            .param("status", decision.name())
            .param("at", Timestamp.from(clock.now()))
            .param("notes", notes)
            .param("by", decidedBy)
            .param("id", appealId)
            .update();
    if (updated == 0) {
      return; // decided already: a redelivered job changes nothing
    }
    long evaluationId =
        jdbc.sql("select evaluation_id from appeal where id = :id")
            .param("id", appealId)
            .query(Long.class)
            .single();
    Evaluation before = evaluations.byId(evaluationId).orElseThrow();
    if (decision == Decision.CHANGED) {
      evaluations.rate(evaluationId, newHasil, newPerilaku, newPredikat, null);
    }
    Evaluation after = evaluations.byId(evaluationId).orElseThrow();
    String employee = organisation.byNip(after.employeeNip()).map(e -> e.username()).orElse(null);
    if (notifications.canNotify(employee)) {
      notifications.enqueue(
          new NotificationRequest(
              "appeal-decided:" + appealId,
              NotificationType.APPEAL_DECIDED,
              employee,
              Map.of(
                  "periodYear",
                  after.periodYear(),
                  "decision",
                  decision.name(),
                  "predikat",
                  String.valueOf(after.predikat()),
                  "notes",
                  String.valueOf(notes)),
              "/my/skp"));
    }
    audit.record(
        decidedBy == null ? "engine" : decidedBy,
        "APPEAL_DECIDED",
        "EVALUATION",
        evaluationId,
        Map.of("predikat", String.valueOf(before.predikat())),
        Map.of("decision", decision.name(), "predikat", String.valueOf(after.predikat())));
  }

  /** The evaluation an appeal is against, as it stands now (after a CHANGED decision, changed). */
  public Evaluation evaluationOf(long appealId) {
    long evaluationId =
        jdbc.sql("select evaluation_id from appeal where id = :id")
            .param("id", appealId)
            .query(Long.class)
            .single();
    return evaluations.byId(evaluationId).orElseThrow();
  }

  /** Whether an appeal against the evaluation was filed and is not decided yet. */
  public boolean isPending(long evaluationId) {
    return jdbc.sql(
            "select exists (select 1 from appeal where evaluation_id = :id and status = 'OPEN')")
        .param("id", evaluationId)
        .query(Boolean.class)
        .single();
  }

  public record AppealView(
      long id,
      long evaluationId,
      String status,
      String reasons,
      String explanation,
      String employeeQuestion,
      String employeeExplanation,
      String decisionNotes,
      OffsetDateTime filedAt) {}

  public List<AppealView> ofEmployee(String nip) {
    return jdbc.sql(
            """
            select id, evaluation_id, status, reasons, explanation, employee_question, employee_explanation,
                   decision_notes, filed_at from appeal where employee_nip = :nip order by id desc""")
        .param("nip", nip)
        .query(
            (rs, n) ->
                new AppealView(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getObject(9, OffsetDateTime.class)))
        .list();
  }

  /** A refused appeal action, with its HTTP status and a message code of the evaluation bundle. */
  public static class AppealRefused extends Refusal {
    AppealRefused(HttpStatus status, String code, Object argument) {
      super(status, code, argument);
    }
  }
}
