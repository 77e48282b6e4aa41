package id.kinerja.notification;

import java.time.Instant;

/** One row of notification_outbox; type is a NotificationType name or DIGEST. */
public record OutboxRow(
    long id,
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
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    String messageId,
    Long digestId) {}
