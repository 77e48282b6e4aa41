package id.kinerja.notification;

import static org.awaitility.Awaitility.await;

import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import id.kinerja.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the notification tests: one shared context with the embedded GreenMail SMTP server on a
 * free port, the outbox sender polling fast with short backoffs, and a copy of the templates folder
 * (uploads must not change the real one).
 */
@AutoConfigureMockMvc
abstract class NotificationTest extends IntegrationTest {

  static final int SMTP_PORT = freePort();
  static final Path TEMPLATES = copyTemplates();
  static final int MAX_ATTEMPTS = 100;
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("kinerja.mail.embedded.enabled", () -> "true");
    registry.add("kinerja.mail.embedded.port", () -> SMTP_PORT);
    registry.add("kinerja.notification.templates-dir", TEMPLATES::toString);
    registry.add("kinerja.notification.sender.enabled", () -> "true");
    registry.add("kinerja.notification.sender.poll-interval", () -> "100ms");
    registry.add("kinerja.notification.retry.initial-backoff", () -> "100ms");
    registry.add("kinerja.notification.retry.max-backoff", () -> "500ms");
    registry.add("kinerja.notification.retry.max-attempts", () -> MAX_ATTEMPTS);
    registry.add("kinerja.notification.digest-cron", () -> "-"); // tests call sendDigests()
    registry.add("kinerja.public-url", () -> "https://kinerja.example.go.id");
  }

  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedMailServer smtp;
  @Autowired Notifications notifications;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactionManager;

  /** A user with an employee and an address at example.com, speaking the given language. */
  String user(String locale) {
    long n = SEQUENCE.incrementAndGet();
    return user("user" + n, locale, "user" + n + "@example.com");
  }

  String user(String username, String locale, String email) {
    long n = SEQUENCE.incrementAndGet();
    long unit =
        jdbc.sql("insert into org_unit (code, name) values (?, ?) returning id")
            .params("NTF-" + n, "Unit " + n)
            .query(Long.class)
            .single();
    long employee =
        jdbc.sql(
                """
                insert into employee (nip, name, position, grade, unit_id, email)
                values (?, ?, 'Analis', 'III/c', ?, ?) returning id
                """)
            .params(String.format("%018d", 900_000_000_000L + n), "Pegawai " + n, unit, email)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into app_user (username, password_hash, employee_id, locale)
            values (?, '{noop}x', ?, ?)
            """)
        .params(username, employee, locale)
        .update();
    return username;
  }

  String name(String username) {
    return jdbc.sql(
            "select e.name from app_user u join employee e on e.id = u.employee_id where username = ?")
        .param(username)
        .query(String.class)
        .single();
  }

  static String eventKey() {
    return "test:" + SEQUENCE.incrementAndGet();
  }

  void enqueue(NotificationRequest request) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(status -> notifications.enqueue(request));
  }

  OutboxRow row(String eventKey, String username) {
    return jdbc.sql(
            "select id from notification_outbox where event_key = ? and recipient_username = ?")
        .params(eventKey, username)
        .query(Long.class)
        .optional()
        .flatMap(outbox::find)
        .orElseThrow(() -> new AssertionError("no outbox row for " + eventKey));
  }

  List<OutboxRow> rowsOf(String username) {
    return jdbc
        .sql("select id from notification_outbox where recipient_username = ? order by id")
        .param(username)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> outbox.find(id).orElseThrow())
        .toList();
  }

  List<ReceivedMessage> mailsTo(String email) {
    return smtp.received().stream().filter(m -> m.to().contains(email)).toList();
  }

  ReceivedMessage awaitMailTo(String email) {
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(email).isEmpty());
    return mailsTo(email).getFirst();
  }

  static String email(String username) {
    return username + "@example.com";
  }

  static Map<String, Object> model() {
    return NotificationTemplates.sample();
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyTemplates() {
    try {
      Path target = Files.createTempDirectory("notification-templates");
      try (Stream<Path> files = Files.list(Path.of("notification-templates"))) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
