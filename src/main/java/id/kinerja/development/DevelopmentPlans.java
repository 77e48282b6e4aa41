package id.kinerja.development;

import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.platform.StartOnce;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rencana pengembangan individu: the employee's own plan after coaching, agreed with the rater
 * (processes/development-plan.bpmn). A step of another process asks for it once (its event key);
 * the row exists from then on, so the plan shows as being written while the employee drafts it.
 */
@Repository
public class DevelopmentPlans {

  private final JdbcClient jdbc;
  private final Engine engine;
  private final StartOnce startOnce;
  private final AuditTrail audit;

  DevelopmentPlans(JdbcClient jdbc, Engine engine, StartOnce startOnce, AuditTrail audit) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.startOnce = startOnce;
    this.audit = audit;
  }

  public enum Decision {
    AGREED,
    RETURNED
  }

  public record Plan(
      long id,
      String employeeNip,
      String employeeUsername,
      String raterUsername,
      Integer periodYear,
      String reason,
      String status,
      String goals,
      String actions,
      String supportNeeded,
      LocalDate targetDate,
      String returnNote,
      Instant submittedAt,
      String decidedBy,
      Instant decidedAt,
      Instant createdAt) {}

  public record Request(
      String eventKey,
      String employeeNip,
      String employeeName,
      String employeeUsername,
      String raterUsername,
      Integer periodYear,
      String reason,
      String planReason) {}

  /**
   * @return whether the plan's process started now (false: this step asked for it already)
   */
  public boolean start(Request request) {
    jdbc.sql(
            """
            insert into development_plan (event_key, employee_nip, employee_username, rater_username, period_year, reason)
            values (:key, :nip, :username, :rater, :year, :reason) on conflict (event_key) do nothing""")
        .param("key", request.eventKey())
        .param("nip", request.employeeNip())
        .param("username", request.employeeUsername())
        .param("rater", request.raterUsername())
        .param("year", request.periodYear())
        .param("reason", request.reason())
        .update();
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", request.employeeNip());
    variables.put("employeeName", request.employeeName());
    variables.put("employeeUsername", request.employeeUsername());
    variables.put("raterUsername", request.raterUsername());
    variables.put("periodYear", request.periodYear());
    variables.put("planReason", request.planReason());
    return startOnce.start(
        "development_plan",
        "process_instance_key",
        "event_key = :key",
        Map.of("key", request.eventKey()),
        () -> engine.startProcess("development-plan", variables));
  }

  /** The employee's draft; a redelivered step finds it submitted and changes nothing. */
  @Transactional
  public void submitted(
      long processInstanceKey,
      String goals,
      String actions,
      String supportNeeded,
      LocalDate targetDate,
      String by,
      Instant at) {
    Plan before = byInstance(processInstanceKey).orElseThrow();
    int changed =
        jdbc.sql(
                """
                update development_plan set status = 'SUBMITTED', goals = :goals, actions = :actions,
                       support_needed = :support, target_date = :target, submitted_at = :at
                 where process_instance_key = :key and status in ('DRAFTING', 'RETURNED')""")
            .param("goals", goals)
            .param("actions", actions)
            .param("support", supportNeeded)
            .param("target", Date.valueOf(targetDate))
            .param("at", Timestamp.from(at))
            .param("key", processInstanceKey)
            .update();
    if (changed == 1) {
      audit.record(
          by,
          "DEVELOPMENT_PLAN_SUBMITTED",
          "DEVELOPMENT_PLAN",
          before.id(),
          Map.of("status", before.status()),
          content(byInstance(processInstanceKey).orElseThrow()));
    }
  }

  /** The rater's decision on the submitted plan; a redelivered step changes nothing. */
  @Transactional
  public void decided(
      long processInstanceKey, Decision decision, String note, String by, Instant at) {
    Plan before = byInstance(processInstanceKey).orElseThrow();
    int changed =
        jdbc.sql(
                """
                update development_plan set status = :status, return_note = :note, decided_by = :by, decided_at = :at
                 where process_instance_key = :key and status = 'SUBMITTED'""")
            .param("status", decision.name())
            .param("note", note)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("key", processInstanceKey)
            .update();
    if (changed == 1) {
      audit.record(
          by,
          decision == Decision.AGREED ? "DEVELOPMENT_PLAN_AGREED" : "DEVELOPMENT_PLAN_RETURNED",
          "DEVELOPMENT_PLAN",
          before.id(),
          Map.of("status", before.status()),
          content(byInstance(processInstanceKey).orElseThrow()));
    }
  }

  public Optional<Plan> byInstance(long processInstanceKey) {
    return jdbc.sql(PLAN + " where process_instance_key = :key")
        .param("key", processInstanceKey)
        .query(this::plan)
        .optional();
  }

  /** The employee's plans, newest first. */
  public List<Plan> ofEmployee(String employeeNip) {
    return jdbc.sql(PLAN + " where employee_nip = :nip order by id desc")
        .param("nip", employeeNip)
        .query(this::plan)
        .list();
  }

  /** The plans of the people this rater agrees plans with, newest first. */
  public List<Plan> ofRater(String raterUsername) {
    return jdbc.sql(PLAN + " where rater_username = :rater order by id desc")
        .param("rater", raterUsername)
        .query(this::plan)
        .list();
  }

  private static Map<String, Object> content(Plan plan) {
    var content = new LinkedHashMap<String, Object>();
    content.put("status", plan.status());
    content.put("goals", plan.goals());
    content.put("actions", plan.actions());
    content.put("supportNeeded", plan.supportNeeded());
    content.put("targetDate", String.valueOf(plan.targetDate()));
    content.put("returnNote", plan.returnNote());
    return content;
  }

  private static final String PLAN =
      """
      select id, employee_nip, employee_username, rater_username, period_year, reason, status, goals, actions,
             support_needed, target_date, return_note, submitted_at, decided_by, decided_at, created_at
        from development_plan""";

  private Plan plan(ResultSet rs, int n) throws SQLException {
    Date target = rs.getDate(11);
    return new Plan(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        (Integer) rs.getObject(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        target == null ? null : target.toLocalDate(),
        rs.getString(12),
        instant(rs, 13),
        rs.getString(14),
        instant(rs, 15),
        instant(rs, 16));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
