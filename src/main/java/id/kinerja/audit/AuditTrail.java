package id.kinerja.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every action, with who, when, and the state before and after. Append-only and
 * hash-chained (V131): each entry's hash covers its content and the previous entry's hash, so a
 * change anywhere shows as a break when the chain is verified.
 */
@Component
public class AuditTrail {

  /** Entries are chained one at a time: appends take this lock until their transaction ends. */
  private static final String CHAIN_LOCK =
      "select pg_advisory_xact_lock(hashtext('kinerja:audit-chain'))";

  static final String GENESIS = "0".repeat(64);

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final ObjectMapper json;

  AuditTrail(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(1000);
    this.json = json;
  }

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
    jdbc.sql(CHAIN_LOCK).query((RowCallbackHandler) rs -> {});
    jdbc.sql(
            """
            with tail as (
                   select coalesce((select hash from audit_event order by id desc limit 1), :genesis) as prev_hash),
                 entry as (
                   select nextval(pg_get_serial_sequence('audit_event', 'id')) as id, now() as at)
            insert into audit_event (id, at, actor, action, subject_type, subject_id, before_state, after_state,
                                     prev_hash, hash)
            select entry.id, entry.at, :actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb),
                   tail.prev_hash,
                   audit_hash(tail.prev_hash, entry.id, entry.at, :actor, :action, :type, :id,
                              cast(:before as jsonb), cast(:after as jsonb))
              from tail, entry""")
        .param("genesis", GENESIS)
        .param("actor", actor)
        .param("action", action)
        .param("type", subjectType)
        .param("id", String.valueOf(subjectId))
        .param("before", toJson(before))
        .param("after", toJson(after))
        .update();
  }

  /** Entries matching the filters (each optional), newest first, with the number of all matches. */
  public record Page(List<Entry> items, long total, int page, int size) {}

  public record Entry(
      long id,
      Instant at,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after,
      String hash) {}

  public record Filter(
      String subjectType, String subjectId, String actor, Instant from, Instant to) {}

  public Page search(Filter filter, int page, int size) {
    var total = new long[] {0};
    List<Entry> items =
        jdbc.sql(
                """
                select id, at, actor, action, subject_type, subject_id, before_state::text, after_state::text,
                       hash, count(*) over ()
                  from audit_event
                 where (cast(:type as text) is null or subject_type = :type)
                   and (cast(:subject as text) is null or subject_id = :subject)
                   and (cast(:actor as text) is null or actor = :actor)
                   and (cast(:from as timestamptz) is null or at >= :from)
                   and (cast(:to as timestamptz) is null or at < :to)
                 order by id desc limit :size offset :offset""")
            .param("type", filter.subjectType())
            .param("subject", filter.subjectId())
            .param("actor", filter.actor())
            .param("from", timestamp(filter.from()))
            .param("to", timestamp(filter.to()))
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) -> {
                  total[0] = rs.getLong(10);
                  return new Entry(
                      rs.getLong(1),
                      rs.getObject(2, OffsetDateTime.class).toInstant(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9));
                })
            .list();
    return new Page(items, total[0], page, size);
  }

  /** Whether the chain holds; when not, the first entry where it breaks and how. */
  public record Verification(long entries, boolean intact, Break firstBroken) {}

  /**
   * {@code ALTERED}: the entry's content no longer matches its hash. {@code LINK}: it does not
   * follow the entry before it (one was removed, or slipped in, there).
   */
  public record Break(long id, Instant at, String reason) {}

  /** Recomputes every entry's hash in order, reading the trail as a stream. */
  @Transactional(readOnly = true)
  public Verification verify() {
    var state =
        new Object() {
          long entries;
          Break broken;
        };
    streaming.query(
        """
        select id, at, prev_hash, hash,
               audit_hash(prev_hash, id, at, actor, action, subject_type, subject_id, before_state, after_state),
               lag(hash) over (order by id)
          from audit_event order by id""",
        (ResultSet rs) -> {
          state.entries++;
          if (state.broken != null) {
            return;
          }
          String previous = rs.getString(6) == null ? GENESIS : rs.getString(6);
          if (!rs.getString(4).equals(rs.getString(5))) {
            state.broken = broken(rs, "ALTERED");
          } else if (!rs.getString(3).equals(previous)) {
            state.broken = broken(rs, "LINK");
          }
        });
    return new Verification(state.entries, state.broken == null, state.broken);
  }

  private static Break broken(ResultSet rs, String reason) throws SQLException {
    return new Break(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), reason);
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
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
