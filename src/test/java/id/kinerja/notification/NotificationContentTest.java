package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each type's content, recipient, language and link, rendered from the templates folder. */
class NotificationContentTest extends NotificationTest {

  private static final Map<NotificationType, String[]> SUBJECTS =
      Map.of(
          NotificationType.TASK_ASSIGNED,
              new String[] {"Tugas baru: Susun SKP 2026", "New task: Susun SKP 2026"},
          NotificationType.DEADLINE_NEAR,
              new String[] {
                "Pengingat: Susun SKP 2026 jatuh tempo 31-01-2026",
                "Reminder: Susun SKP 2026 is due 31-01-2026"
              },
          NotificationType.DEADLINE_PASSED,
              new String[] {"Terlambat: Susun SKP 2026", "Overdue: Susun SKP 2026"},
          NotificationType.SKP_RETURNED,
              new String[] {"SKP 2026 dikembalikan", "SKP 2026 returned"},
          NotificationType.SKP_APPROVED,
              new String[] {"SKP 2026 telah ditetapkan", "SKP 2026 approved"},
          NotificationType.SKP_ALIGNMENT,
              new String[] {
                "Selaraskan SKP 2026 dengan SKP penilai Anda",
                "Align your SKP 2026 with your rater's SKP"
              },
          NotificationType.RESULT_DELIVERED,
              new String[] {
                "Hasil evaluasi kinerja 2026: predikat Baik",
                "Performance evaluation result 2026: predikat Baik (good)"
              },
          NotificationType.APPEAL_FILED,
              new String[] {"Keberatan diajukan oleh Siti Rahma", "Appeal filed by Siti Rahma"},
          NotificationType.APPEAL_DECIDED,
              new String[] {
                "Keputusan atas keberatan Anda (2026)", "Decision on your appeal (2026)"
              },
          NotificationType.COACH_ASSIGNED,
              new String[] {"Pembinaan: Dewi Lestari", "Coaching: Dewi Lestari"});

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void indonesianForLocaleIdEnglishForLocaleEnWithTheLink(NotificationType type) {
    String indonesian = user("id");
    String english = user("en");
    String event = eventKey();
    String link = "/records/" + type.templateName();

    enqueue(new NotificationRequest(event, type, indonesian, model(), link));
    enqueue(new NotificationRequest(event, type, english, model(), link));

    String absolute = "https://kinerja.example.go.id" + link;
    OutboxRow id = row(event, indonesian);
    OutboxRow en = row(event, english);
    assertThat(id.subject()).startsWith(SUBJECTS.get(type)[0]);
    assertThat(en.subject()).startsWith(SUBJECTS.get(type)[1]);
    assertThat(id.bodyText()).startsWith("Yth. " + name(indonesian) + ",").contains(absolute);
    assertThat(en.bodyText()).startsWith("Dear " + name(english) + ",").contains(absolute);
    assertThat(id.bodyHtml()).contains("href=\"" + absolute + "\"").contains("lang=\"id\"");
    assertThat(en.bodyHtml()).contains("href=\"" + absolute + "\"").contains("lang=\"en\"");
    assertThat(id.recipientEmail()).isEqualTo(email(indonesian));
    assertThat(id.locale()).isEqualTo("id");
    assertThat(en.locale()).isEqualTo("en");

    if (type == NotificationType.SKP_APPROVED || type == NotificationType.COACH_ASSIGNED) {
      // digestible by default: waits for the daily digest (DigestTest)
      assertThat(id.status()).isEqualTo(OutboxStatus.DIGESTED);
      return;
    }
    ReceivedMessage mail = awaitMailTo(email(english));
    assertThat(mail.to()).containsExactly(email(english));
    assertThat(mail.from()).contains("noreply@kinerja.local");
    assertThat(mail.subject()).isEqualTo(en.subject());
    assertThat(mail.text()).contains(absolute).startsWith("Dear ");
    assertThat(mail.html()).contains("href=\"" + absolute + "\"");
    assertThat(mail.messageId())
        .isEqualTo("<kinerja-notification-" + en.id() + "@kinerja.example.go.id>");
    assertThat(awaitMailTo(email(indonesian)).subject()).isEqualTo(id.subject());
    assertThat(row(event, english).status()).isEqualTo(OutboxStatus.SENT);
    assertThat(row(event, english).messageId()).isEqualTo(mail.messageId());
  }

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void legalNoticesAreNeverDigested(NotificationType type) {
    var properties =
        new NotificationProperties(
            null, false, EnumSet.allOf(NotificationType.class), "x", null, null);
    assertThat(properties.digested(type)).isEqualTo(!type.legalNotice());
  }
}
