package id.kinerja.coaching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Improvement periods (masa perbaikan) with their outcome and follow-up, one per process of
 * processes/improvement-period.bpmn; every write is keyed by that process, so a redelivered job
 * changes nothing.
 */
@Repository
public class ImprovementPeriods {

  public enum Outcome {
    IMPROVED,
    NOT_IMPROVED
  }

  public enum FollowUp {
    MORE_COACHING,
    TRAINING,
    TRANSFER_PROPOSAL,
    DISCIPLINE_RECOMMENDATION
  }

  private final JdbcClient jdbc;

  ImprovementPeriods(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void started(
      long processInstanceKey,
      Long evaluationId,
      String employeeNip,
      int periodYear,
      String predikat,
      Instant at) {
    jdbc.sql(
            """
            insert into improvement_period (process_instance_key, evaluation_id, employee_nip, period_year, predikat, started_at)
            values (:key, :evaluation, :nip, :year, :predikat, :at)
            on conflict do nothing""")
        .param("key", processInstanceKey)
        .param("evaluation", evaluationId)
        .param("nip", employeeNip)
        .param("year", periodYear)
        .param("predikat", predikat)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void reviewed(
      long processInstanceKey, Outcome outcome, String notes, String reviewedBy, Instant at) {
    jdbc.sql(
            """
            update improvement_period set outcome = :outcome, outcome_notes = :notes, reviewed_by = :by, reviewed_at = :at
             where process_instance_key = :key and outcome is null""")
        .param("outcome", outcome.name())
        .param("notes", notes)
        .param("by", reviewedBy)
        .param("at", Timestamp.from(at))
        .param("key", processInstanceKey)
        .update();
  }

  public void followedUp(
      long processInstanceKey, FollowUp action, String notes, String by, Instant at) {
    jdbc.sql(
            """
            update improvement_period set follow_up_action = :action, follow_up_notes = :notes,
                   followed_up_by = :by, followed_up_at = :at
             where process_instance_key = :key and follow_up_action is null""")
        .param("action", action.name())
        .param("notes", notes)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("key", processInstanceKey)
        .update();
  }

  /** An improvement period as the employee sees it; no outcome yet while it runs. */
  public record Period(
      int periodYear, String predikat, Instant startedAt, String outcome, String outcomeNotes) {}

  /** An employee's improvement periods, newest first. */
  public List<Period> ofEmployee(String employeeNip) {
    return jdbc.sql(
            """
            select period_year, predikat, started_at, outcome, outcome_notes
              from improvement_period where employee_nip = :nip order by started_at desc""")
        .param("nip", employeeNip)
        .query(
            (rs, n) ->
                new Period(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }
}
