package id.kinerja.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail: every action, with who, when, and the state before and after. */
@Component
public class AuditTrail {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AuditTrail(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public record Event(
      long id,
      Instant at,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {}

  /**
   * Records an action; part of the caller's transaction, so it is kept exactly when the action is.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor,
      String action,
      String subjectType,
      Object subjectId,
      Object before,
      Object after) {
    jdbc.sql(
            """
            insert into audit_event (actor, action, subject_type, subject_id, before_state, after_state)
            values (:actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb))""")
        .param("actor", actor)
        .param("action", action)
        .param("type", subjectType)
        .param("id", String.valueOf(subjectId))
        .param("before", toJson(before))
        .param("after", toJson(after))
        .update();
  }

  public List<Event> of(String subjectType, Object subjectId) {
    return jdbc.sql(
            """
            select id, at, actor, action, subject_type, subject_id, before_state::text, after_state::text
            from audit_event where subject_type = :type and subject_id = :id order by id""")
        .param("type", subjectType)
        .param("id", String.valueOf(subjectId))
        .query(
            (rs, n) ->
                new Event(
                    rs.getLong(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
