package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/** Exactly-once delivery, retries while the SMTP server is down, and dead letters. */
class DeliveryTest extends NotificationTest {

  @Autowired NotificationJobs jobs;

  @Test
  void theSameEventEnqueuedTwiceIsSentOnce() {
    String user = user("id");
    String event = eventKey();
    var request =
        new NotificationRequest(event, NotificationType.TASK_ASSIGNED, user, model(), "/tasks/1");

    enqueue(request);
    enqueue(request);

    awaitMailTo(email(user));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo(email(user)).size() == 1);
    assertThat(rowsOf(user)).hasSize(1);
  }

  @Test
  void aJobDeliveredTwiceEnqueuesOnce() {
    String user = user("en");
    var variables =
        new HashMap<String, Object>(
            Map.of(
                "notificationType",
                "DEADLINE_NEAR",
                "recipientUsername",
                user,
                "taskName",
                "Check-in"));

    jobs.enqueue(4711, 4712, variables);
    jobs.enqueue(4711, 4712, variables); // the same job again: same process and element instance

    assertThat(rowsOf(user))
        .singleElement()
        .satisfies(r -> assertThat(r.eventKey()).isEqualTo("4711:4712"));
    awaitMailTo(email(user));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo(email(user)).size() == 1);
  }

  @Test
  void smtpDownForAWhileThenBackEveryMessageArrivesExactlyOnce() {
    smtp.stop();
    List<String> users = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        String user = user(i % 2 == 0 ? "id" : "en");
        String event = eventKey();
        users.add(user);
        events.add(event);
        enqueue(
            new NotificationRequest(
                event, NotificationType.TASK_ASSIGNED, user, model(), "/tasks/" + i));
      }
      // one message already at its last attempt: the next failure gives up
      String exhausted = user("id");
      String exhaustedEvent = eventKey();
      enqueue(
          new NotificationRequest(
              exhaustedEvent, NotificationType.DEADLINE_PASSED, exhausted, model(), "/tasks/x"));
      jdbc.sql("update notification_outbox set attempts = ? where event_key = ?")
          .params(MAX_ATTEMPTS - 1, exhaustedEvent)
          .update();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> events.stream().allMatch(e -> attemptsOf(e) >= 3));
      for (int i = 0; i < users.size(); i++) {
        OutboxRow row = row(events.get(i), users.get(i));
        assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row.lastError()).containsIgnoringCase("connect");
      }
      OutboxRow dead = row(exhaustedEvent, exhausted);
      assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
      assertThat(dead.attempts()).isEqualTo(MAX_ATTEMPTS);
      assertThat(dead.lastError()).containsIgnoringCase("connect");
    } finally {
      smtp.start();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> users.stream().allMatch(u -> mailsTo(email(u)).size() == 1));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> users.stream().allMatch(u -> mailsTo(email(u)).size() == 1));
    for (int i = 0; i < users.size(); i++) {
      assertThat(row(events.get(i), users.get(i)).status()).isEqualTo(OutboxStatus.SENT);
    }
  }

  @Test
  void anAddressTheServerRejectsIsDeadWithTheServersReason() {
    String user = user("rejected" + System.nanoTime(), "id", "nobody@kantor.invalid");
    String event = eventKey();

    enqueue(
        new NotificationRequest(event, NotificationType.TASK_ASSIGNED, user, model(), "/tasks/1"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> row(event, user).status() == OutboxStatus.DEAD);
    OutboxRow row = row(event, user);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).contains("550").contains("Recipient address rejected");
    assertThat(mailsTo("nobody@kantor.invalid")).isEmpty();
  }

  @Test
  void aMalformedAddressIsDeadWithTheReason() {
    String user = user("malformed" + System.nanoTime(), "en", "not an address");
    String event = eventKey();

    enqueue(new NotificationRequest(event, NotificationType.SKP_RETURNED, user, model(), "/skp/1"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> row(event, user).status() == OutboxStatus.DEAD);
    assertThat(row(event, user).lastError()).isNotBlank();
    assertThat(row(event, user).attempts()).isEqualTo(1);
  }

  @Test
  void aUserWithoutAddressIsVisibleAsDead() {
    String user = user("noaddress" + System.nanoTime(), "id", null);
    String event = eventKey();

    enqueue(
        new NotificationRequest(event, NotificationType.TASK_ASSIGNED, user, model(), "/tasks/1"));

    assertThat(row(event, user).status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(row(event, user).lastError()).contains("no e-mail address");
  }

  @Test
  void enqueueNeedsTheCallersTransaction() {
    var request =
        new NotificationRequest(
            eventKey(), NotificationType.TASK_ASSIGNED, user("id"), model(), null);
    Assertions.assertThatThrownBy(() -> notifications.enqueue(request))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  private int attemptsOf(String event) {
    return jdbc.sql("select attempts from notification_outbox where event_key = ?")
        .param(event)
        .query(Integer.class)
        .single();
  }
}
