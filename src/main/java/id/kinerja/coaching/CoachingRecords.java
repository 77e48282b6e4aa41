package id.kinerja.coaching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Coaching assignments and their sessions. */
@Repository
public class CoachingRecords {

  private final JdbcClient jdbc;

  CoachingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public enum Outcome {
    CLOSED,
    MORE_COACHING,
    TRAINING,
    SPECIAL_ASSIGNMENT,
    TRANSFER_PROPOSAL,
    DISCIPLINE_RECOMMENDATION
  }

  public record Assignment(
      long id,
      long processInstanceKey,
      String employeeNip,
      String employeeUsername,
      String coachUsername,
      String kind,
      String reason,
      String assignedBy,
      String status,
      String outcome,
      Instant createdAt,
      Instant closedAt) {}

  public record Session(
      long id,
      long assignmentId,
      String sessionDate,
      String notes,
      String outcome,
      String recordedBy,
      Instant recordedAt) {}

  public record NewAssignment(
      long processInstanceKey,
      String employeeNip,
      String employeeUsername,
      Long coachEmployeeId,
      String coachUsername,
      CoachKind kind,
      String reason,
      String assignedBy) {}

  /** One assignment per coaching process: recording it again returns the first. */
  @Transactional
  public Assignment assign(NewAssignment a) {
    jdbc.sql(
            """
            insert into coaching_assignment (process_instance_key, employee_nip, employee_username,
              coach_employee_id, coach_username, kind, reason, assigned_by)
            values (:instance, :nip, :username, :coachId, :coach, :kind, :reason, :by)
            on conflict (process_instance_key) do nothing""")
        .param("instance", a.processInstanceKey())
        .param("nip", a.employeeNip())
        .param("username", a.employeeUsername())
        .param("coachId", a.coachEmployeeId())
        .param("coach", a.coachUsername())
        .param("kind", a.kind().name())
        .param("reason", a.reason())
        .param("by", a.assignedBy())
        .update();
    return byInstance(a.processInstanceKey()).orElseThrow();
  }

  /**
   * Records a session once per process step; every outcome but MORE_COACHING closes the assignment.
   */
  @Transactional
  public Assignment recordSession(
      long processInstanceKey,
      String eventKey,
      String sessionDate,
      String notes,
      Outcome outcome,
      String recordedBy) {
    Assignment assignment =
        byInstance(processInstanceKey)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No coach assigned in process instance " + processInstanceKey));
    int inserted =
        jdbc.sql(
                """
                insert into coaching_session (assignment_id, event_key, session_date, notes, outcome, recorded_by)
                values (:assignment, :event, :date, :notes, :outcome, :by) on conflict (event_key) do nothing""")
            .param("assignment", assignment.id())
            .param("event", eventKey)
            .param("date", sessionDate)
            .param("notes", notes)
            .param("outcome", outcome.name())
            .param("by", recordedBy)
            .update();
    if (inserted == 1 && outcome != Outcome.MORE_COACHING) {
      jdbc.sql(
              "update coaching_assignment set status = 'CLOSED', outcome = :outcome, closed_at = now() where id = :id")
          .param("outcome", outcome.name())
          .param("id", assignment.id())
          .update();
    }
    return byInstance(processInstanceKey).orElseThrow();
  }

  public Optional<Assignment> byInstance(long processInstanceKey) {
    return jdbc.sql(ASSIGNMENT + " where process_instance_key = :instance")
        .param("instance", processInstanceKey)
        .query(this::assignment)
        .optional();
  }

  /** The employee's own coaching, newest first. */
  public List<Assignment> ofEmployee(String employeeNip) {
    return jdbc.sql(ASSIGNMENT + " where employee_nip = :nip order by id desc")
        .param("nip", employeeNip)
        .query(this::assignment)
        .list();
  }

  /** The coaching this person gives, open first, newest first. */
  public List<Assignment> ofCoach(String coachUsername) {
    return jdbc.sql(
            ASSIGNMENT + " where coach_username = :coach order by status = 'CLOSED', id desc")
        .param("coach", coachUsername)
        .query(this::assignment)
        .list();
  }

  public List<Session> sessions(long assignmentId) {
    return jdbc.sql(
            """
            select id, assignment_id, session_date, notes, outcome, recorded_by, recorded_at
            from coaching_session where assignment_id = :id order by id""")
        .param("id", assignmentId)
        .query(
            (rs, n) ->
                new Session(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class).toInstant()))
        .list();
  }

  private static final String ASSIGNMENT =
      """
      select id, process_instance_key, employee_nip, employee_username, coach_username, kind, reason,
        assigned_by, status, outcome, created_at, closed_at from coaching_assignment""";

  private Assignment assignment(ResultSet rs, int n) throws SQLException {
    OffsetDateTime closed = rs.getObject(12, OffsetDateTime.class);
    return new Assignment(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getObject(11, OffsetDateTime.class).toInstant(),
        closed == null ? null : closed.toInstant());
  }
}
