package id.kinerja.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for notification_outbox. Callers own the transactions. */
@Repository
public class Outbox {

  static final String DIGEST_TYPE = "DIGEST";

  private static final String COLUMNS =
      """
      id, event_key, recipient_username, recipient_email, locale, type, subject, body_text,
      body_html, link, status, attempts, next_attempt_at, last_error, created_at, sent_at,
      message_id, digest_id
      """;

  record NewRow(
      String eventKey,
      String recipientUsername,
      String recipientEmail,
      String locale,
      String type,
      String subject,
      String bodyText,
      String bodyHtml,
      String link,
      OutboxStatus status,
      String lastError) {}

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts unless the event was already enqueued for this recipient; returns the new id. */
  Optional<Long> insert(NewRow row) {
    return jdbc.sql(
            """
            insert into notification_outbox (event_key, recipient_username, recipient_email,
                locale, type, subject, body_text, body_html, link, status, last_error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_key, recipient_username) do nothing
            returning id
            """)
        .params(
            row.eventKey(),
            row.recipientUsername(),
            row.recipientEmail(),
            row.locale(),
            row.type(),
            row.subject(),
            row.bodyText(),
            row.bodyHtml(),
            row.link(),
            row.status().name(),
            row.lastError())
        .query(Long.class)
        .optional();
  }

  boolean exists(String eventKey, String recipientUsername) {
    return jdbc.sql(
                "select count(*) from notification_outbox where event_key = ? and recipient_username = ?")
            .params(eventKey, recipientUsername)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Locks the next due row; others skip it, so several senders (or instances) never take the same
   * row, and nobody waits on it.
   */
  Optional<OutboxRow> claimNextDue() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from notification_outbox
                where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at, id
                limit 1
                for update skip locked
                """)
        .query(Outbox::row)
        .optional();
  }

  void markSent(long id, String messageId) {
    jdbc.sql(
            """
            update notification_outbox
               set status = 'SENT', attempts = attempts + 1, sent_at = now(), message_id = ?,
                   last_error = null
             where id = ?
            """)
        .params(messageId, id)
        .update();
  }

  void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
    jdbc.sql(
            """
            update notification_outbox set attempts = ?, next_attempt_at = ?, last_error = ?
             where id = ?
            """)
        .params(attempts, Timestamp.from(nextAttemptAt), error, id)
        .update();
  }

  void markDead(long id, int attempts, String error) {
    jdbc.sql(
            """
            update notification_outbox set status = 'DEAD', attempts = ?, last_error = ?
             where id = ?
            """)
        .params(attempts, error, id)
        .update();
  }

  /** Users with digestible messages not yet in a digest. */
  List<String> usersWithUndigested() {
    return jdbc.sql(
            """
            select distinct recipient_username from notification_outbox
             where status = 'DIGESTED' and digest_id is null order by 1
            """)
        .query(String.class)
        .list();
  }

  /** Locks the user's waiting digestible messages, oldest first. */
  List<OutboxRow> lockUndigested(String username) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from notification_outbox
                where status = 'DIGESTED' and digest_id is null and recipient_username = ?
                order by id
                for update skip locked
                """)
        .param(username)
        .query(Outbox::row)
        .list();
  }

  void attachToDigest(List<Long> ids, long digestId) {
    jdbc.sql("update notification_outbox set digest_id = :digest where id in (:ids)")
        .param("digest", digestId)
        .param("ids", ids)
        .update();
  }

  Optional<OutboxRow> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from notification_outbox where id = ?")
        .param(id)
        .query(Outbox::row)
        .optional();
  }

  /** Newest first, optionally of one status. */
  public List<OutboxRow> page(OutboxStatus status, int page, int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from notification_outbox
                where (cast(:status as varchar) is null or status = :status)
                order by id desc limit :size offset :offset
                """)
        .param("status", status == null ? null : status.name())
        .param("size", size)
        .param("offset", (long) page * size)
        .query(Outbox::row)
        .list();
  }

  public long count(OutboxStatus status) {
    return jdbc.sql(
            """
            select count(*) from notification_outbox
             where (cast(:status as varchar) is null or status = :status)
            """)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  private static OutboxRow row(ResultSet rs, int n) throws SQLException {
    return new OutboxRow(
        rs.getLong("id"),
        rs.getString("event_key"),
        rs.getString("recipient_username"),
        rs.getString("recipient_email"),
        rs.getString("locale"),
        rs.getString("type"),
        rs.getString("subject"),
        rs.getString("body_text"),
        rs.getString("body_html"),
        rs.getString("link"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs.getTimestamp("next_attempt_at")),
        rs.getString("last_error"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("sent_at")),
        rs.getString("message_id"),
        rs.getObject("digest_id", Long.class));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
