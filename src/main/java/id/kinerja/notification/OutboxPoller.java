package id.kinerja.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Triggers sending and the daily digest. Off with {@code kinerja.notification.sender.enabled=false}
 * (the shared test profile), so contexts that do not test mail never send. The digest is not a
 * reminder (those are BPMN timers); its time is the cron property. Each runs on one instance at a
 * time (ShedLock): sending claims rows with skip locked anyway, but a second instance polling the
 * same rows only adds load; the digest holds its lock for a minute at least, so an instance whose
 * clock is a little behind does not start a second round of the same morning.
 */
@Component
@ConditionalOnProperty(
    name = "kinerja.notification.sender.enabled",
    havingValue = "true",
    matchIfMissing = true)
class OutboxPoller {

  private final OutboxSender sender;
  private final DigestSender digests;

  OutboxPoller(OutboxSender sender, DigestSender digests) {
    this.sender = sender;
    this.digests = digests;
  }

  @Scheduled(
      fixedDelayString = "${kinerja.notification.sender.poll-interval:5s}",
      initialDelayString = "${kinerja.notification.sender.poll-interval:5s}")
  @SchedulerLock(name = "outbox-sender", lockAtMostFor = "PT1M")
  void sendDue() {
    sender.sendDue();
  }

  @Scheduled(
      cron = "${kinerja.notification.digest-cron:0 0 7 * * *}",
      zone = "${kinerja.notification.digest-zone:Asia/Makassar}")
  @SchedulerLock(name = "daily-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
  void sendDigests() {
    digests.sendDigests();
    sender.sendDue();
  }
}
