package id.kinerja.development;

import id.kinerja.audit.AuditTrail;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pelatihan and penugasan khusus arranged as follow-ups of coaching or of an improvement period:
 * who arranges it (a user, or the agency's Pengelola Kinerja when there is no owner), by when, and
 * the outcome the owner records later.
 */
@Repository
public class DevelopmentFollowUps {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  DevelopmentFollowUps(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public enum Kind {
    TRAINING,
    SPECIAL_ASSIGNMENT
  }

  public enum Source {
    COACHING,
    IMPROVEMENT_PERIOD
  }

  public enum Outcome {
    COMPLETED,
    NOT_COMPLETED
  }

  public record Arranged(
      long id,
      String employeeNip,
      String employeeName,
      String source,
      String kind,
      String description,
      String ownerUsername,
      LocalDate dueDate,
      String outcome,
      String outcomeNotes,
      String recordedBy,
      Instant recordedAt,
      Instant createdAt) {

    boolean overdue(LocalDate today) {
      return outcome == null && dueDate.isBefore(today);
    }
  }

  public record NewFollowUp(
      String eventKey,
      long processInstanceKey,
      Source source,
      String employeeNip,
      Kind kind,
      String description,
      String ownerUsername,
      LocalDate dueDate) {}

  /** Once per process step (its event key): a redelivered job arranges nothing twice. */
  @Transactional
  public Arranged arrange(NewFollowUp f) {
    int inserted =
        jdbc.sql(
                """
                insert into development_follow_up (event_key, process_instance_key, source, employee_nip, kind,
                  description, owner_username, due_date)
                values (:key, :instance, :source, :nip, :kind, :description, :owner, :due)
                on conflict (event_key) do nothing""")
            .param("key", f.eventKey())
            .param("instance", f.processInstanceKey())
            .param("source", f.source().name())
            .param("nip", f.employeeNip())
            .param("kind", f.kind().name())
            .param("description", f.description())
            .param("owner", f.ownerUsername())
            .param("due", Date.valueOf(f.dueDate()))
            .update();
    Arranged arranged =
        jdbc.sql(FOLLOW_UP + " where f.event_key = :key")
            .param("key", f.eventKey())
            .query(this::followUp)
            .single();
    if (inserted == 1) {
      Map<String, Object> after = new HashMap<>();
      after.put("kind", arranged.kind());
      after.put("owner", arranged.ownerUsername());
      after.put("dueDate", String.valueOf(arranged.dueDate()));
      audit.record("SYSTEM", "FOLLOW_UP_ARRANGED", "FOLLOW_UP", arranged.id(), null, after);
    }
    return arranged;
  }

  /** The owner's outcome; refused once one was recorded. */
  @Transactional
  public Arranged recordOutcome(long id, Outcome outcome, String notes, String by) {
    int changed =
        jdbc.sql(
                """
                update development_follow_up set outcome = :outcome, outcome_notes = :notes,
                       recorded_by = :by, recorded_at = now()
                 where id = :id and outcome is null""")
            .param("outcome", outcome.name())
            .param("notes", notes)
            .param("by", by)
            .param("id", id)
            .update();
    if (changed == 0) {
      throw DevelopmentRefusal.conflict("development.error.outcomeRecorded");
    }
    Arranged after = byId(id).orElseThrow();
    audit.record(
        by,
        "FOLLOW_UP_OUTCOME",
        "FOLLOW_UP",
        id,
        Map.of("outcome", "NONE"),
        Map.of("outcome", outcome.name(), "notes", notes));
    return after;
  }

  public Optional<Arranged> byId(long id) {
    return jdbc.sql(FOLLOW_UP + " where f.id = :id")
        .param("id", id)
        .query(this::followUp)
        .optional();
  }

  /** The employee's follow-ups, open first, soonest due first. */
  public List<Arranged> ofEmployee(String employeeNip) {
    return jdbc.sql(
            FOLLOW_UP + " where f.employee_nip = :nip order by f.outcome is not null, f.due_date")
        .param("nip", employeeNip)
        .query(this::followUp)
        .list();
  }

  /** The follow-ups of these employees, open first, soonest due first. */
  public List<Arranged> ofEmployees(List<String> nips) {
    if (nips.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            FOLLOW_UP
                + " where f.employee_nip in (:nips) order by f.outcome is not null, f.due_date")
        .param("nips", nips)
        .query(this::followUp)
        .list();
  }

  /** Every open follow-up, and those closed since the start of the year, soonest due first. */
  public List<Arranged> openOrClosedSince(int year) {
    return jdbc.sql(
            FOLLOW_UP
                + " where f.outcome is null or f.recorded_at >= make_date(:year, 1, 1)"
                + " order by f.outcome is not null, f.due_date")
        .param("year", year)
        .query(this::followUp)
        .list();
  }

  private static final String FOLLOW_UP =
      """
      select f.id, f.employee_nip, coalesce(e.name, f.employee_nip), f.source, f.kind, f.description,
             f.owner_username, f.due_date, f.outcome, f.outcome_notes, f.recorded_by, f.recorded_at, f.created_at
        from development_follow_up f left join employee e on e.nip = f.employee_nip""";

  private Arranged followUp(ResultSet rs, int n) throws SQLException {
    return new Arranged(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getDate(8).toLocalDate(),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        DevelopmentPlans.instant(rs, 12),
        DevelopmentPlans.instant(rs, 13));
  }
}
