package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DigestTest extends NotificationTest {

  @Autowired DigestSender digests;

  @Test
  void digestibleMessagesBecomeOneMailPerUserWhileLegalNoticesGoAlone() {
    String user = user("id");
    String other = user("en");
    enqueue(request(NotificationType.SKP_APPROVED, user, "/skp/1"));
    enqueue(request(NotificationType.COACH_ASSIGNED, user, "/coaching/7"));
    enqueue(request(NotificationType.RESULT_DELIVERED, user, "/results/3"));
    enqueue(request(NotificationType.APPEAL_DECIDED, user, "/appeals/9"));
    enqueue(request(NotificationType.SKP_APPROVED, other, "/skp/2"));

    // legal notices at once, each alone
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email(user)).size() == 2);
    assertThat(mailsTo(email(user)))
        .extracting(ReceivedMessage::subject)
        .anySatisfy(s -> assertThat(s).startsWith("Hasil evaluasi kinerja"))
        .anySatisfy(s -> assertThat(s).startsWith("Keputusan atas keberatan"));

    assertThat(digests.sendDigests()).isGreaterThanOrEqualTo(2);

    await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email(user)).size() == 3);
    ReceivedMessage digest = mailsTo(email(user)).getLast();
    assertThat(digest.subject()).isEqualTo("Ringkasan harian Kinerja: 2 pemberitahuan");
    assertThat(digest.text())
        .contains("SKP 2026 telah ditetapkan")
        .contains("Pembinaan: Dewi Lestari")
        .contains("https://kinerja.example.go.id/skp/1")
        .contains("https://kinerja.example.go.id/coaching/7")
        .doesNotContain("Hasil evaluasi");
    assertThat(digest.html()).contains("href=\"https://kinerja.example.go.id/coaching/7\"");

    ReceivedMessage otherDigest = awaitMailTo(email(other));
    assertThat(otherDigest.subject()).isEqualTo("Kinerja daily digest: 1 notifications");

    List<OutboxRow> rows = rowsOf(user);
    OutboxRow digestRow =
        rows.stream().filter(r -> r.type().equals("DIGEST")).findFirst().orElseThrow();
    assertThat(rows)
        .filteredOn(r -> r.status() == OutboxStatus.DIGESTED)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.digestId()).isEqualTo(digestRow.id()));

    // nothing new waiting: no second digest
    digests.sendDigests();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo(email(user)).size() == 3);
  }

  private static NotificationRequest request(NotificationType type, String user, String link) {
    return new NotificationRequest(eventKey(), type, user, model(), link);
  }
}
