package id.kinerja.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows, one row per transaction.
 *
 * <p>Claiming: the row is locked with {@code for update skip locked} and stays locked while the
 * SMTP server is talked to; it is marked SENT in that same transaction only after the server
 * accepted the message. We chose this over a lease column (SENDING + lease_until) because it is
 * simpler and blocks nobody: other senders skip the locked row, readers (admin page) are not
 * blocked by row locks in PostgreSQL, and a crash releases the lock with the connection. The cost
 * is one pooled connection per in-flight message, bounded by the SMTP timeouts in {@code
 * spring.mail.properties.mail.smtp.*timeout}.
 *
 * <p>Exactly once: a row is SENT at most once because the claim is exclusive and SENT rows are
 * never claimed again. One window remains: the server accepted the message and then the application
 * died (or the database failed) before the commit. The row is then still PENDING and is sent again.
 * Its {@code Message-ID} is derived from the outbox id, so the repeat carries the same id as the
 * first copy, and receiving servers and mail clients that deduplicate on Message-ID (many do, e.g.
 * Gmail, Thunderbird) show it once.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final TransactionTemplate transaction;
  private final String messageIdDomain;

  OutboxSender(
      Outbox outbox,
      JavaMailSender mailSender,
      NotificationProperties properties,
      PlatformTransactionManager transactionManager,
      ObjectProvider<EmbeddedMailServer> embeddedMailServer,
      @Value("${kinerja.public-url:http://localhost:8080}") String publicUrl) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    this.messageIdDomain = NotificationProperties.messageIdDomain(publicUrl);
    // the embedded SMTP server, when enabled, must listen before the first message goes out
    embeddedMailServer.ifAvailable(server -> {});
  }

  /** Sends up to one batch of due rows; returns how many were attempted. */
  public int sendDue() {
    int attempted = 0;
    while (attempted < properties.sender().batchSize()) {
      Boolean claimed = transaction.execute(status -> sendNext());
      if (!Boolean.TRUE.equals(claimed)) {
        break;
      }
      attempted++;
    }
    return attempted;
  }

  private boolean sendNext() {
    Optional<OutboxRow> claimed = outbox.claimNextDue();
    if (claimed.isEmpty()) {
      return false;
    }
    OutboxRow row = claimed.get();
    String messageId = messageId(row.id());
    try {
      mailSender.send(message(row, messageId));
      outbox.markSent(row.id(), messageId);
    } catch (MailException e) {
      failed(row, SmtpFailure.of(e));
    }
    return true;
  }

  private void failed(OutboxRow row, SmtpFailure failure) {
    int attempts = row.attempts() + 1;
    var retry = properties.retry();
    if (failure.permanent() || attempts >= retry.maxAttempts()) {
      log.warn("Notification {} to {} is dead: {}", row.id(), row.recipientEmail(), failure);
      outbox.markDead(row.id(), attempts, failure.reason());
    } else {
      Instant next = Instant.now().plus(retry.backoffAfter(attempts));
      log.info("Notification {} failed (attempt {}), retry at {}", row.id(), attempts, next);
      outbox.markRetry(row.id(), attempts, next, failure.reason());
    }
  }

  /** Stable per outbox row, so a repeated send after a crash carries the same id. */
  String messageId(long outboxId) {
    return "<kinerja-notification-" + outboxId + "@" + messageIdDomain + ">";
  }

  private MimeMessage message(OutboxRow row, String messageId) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(row.recipientEmail());
      helper.setSubject(row.subject());
      helper.setText(row.bodyText(), row.bodyHtml());
      // JavaMailSenderImpl keeps a Message-ID set here instead of generating a new one
      message.setHeader("Message-ID", messageId);
      message.setHeader("X-Kinerja-Event", row.eventKey());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    return message;
  }
}
