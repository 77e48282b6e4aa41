package id.kinerja.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kinerja.notification.*}: where the templates live, which types wait for the digest, how
 * sending retries. The digest time is {@code kinerja.notification.digest-cron} and {@code
 * digest-zone}, read by {@link OutboxPoller}.
 */
@ConfigurationProperties("kinerja.notification")
public record NotificationProperties(
    @DefaultValue("notification-templates") Path templatesDir,
    @DefaultValue("false") boolean templateCache,
    @DefaultValue({"SKP_APPROVED", "COACH_ASSIGNED"}) Set<NotificationType> digestTypes,
    @DefaultValue("Kinerja <noreply@kinerja.local>") String from,
    @DefaultValue Retry retry,
    @DefaultValue Sender sender) {

  /** Exponential backoff: initial, doubled per attempt, capped; DEAD after maxAttempts tries. */
  public record Retry(
      @DefaultValue("30s") Duration initialBackoff,
      @DefaultValue("1h") Duration maxBackoff,
      @DefaultValue("8") int maxAttempts) {

    /** The wait after the given number of failed attempts (1 = after the first failure). */
    public Duration backoffAfter(int failedAttempts) {
      Duration wait = initialBackoff;
      for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  /** The outbox poller; off in the shared test profile so only one context sends. */
  public record Sender(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") Duration pollInterval,
      @DefaultValue("50") int batchSize) {}

  /** True when this type waits for the daily digest; legal notices never do. */
  public boolean digested(NotificationType type) {
    return !type.legalNotice() && digestTypes.contains(type);
  }

  /** Host part for Message-IDs, taken from the public URL so they are unique per installation. */
  static String messageIdDomain(String publicUrl) {
    String host = URI.create(publicUrl).getHost();
    return host == null ? "kinerja.local" : host;
  }
}
