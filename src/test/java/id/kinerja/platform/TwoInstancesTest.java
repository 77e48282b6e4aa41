package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.KinerjaApplication;
import id.kinerja.coaching.TestAgency;
import id.kinerja.engine.Engine;
import id.kinerja.notification.EmbeddedMailServer;
import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.support.Api;
import id.kinerja.support.AppProcess;
import id.kinerja.support.ContextEngineInitializer;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.support.TestConfig;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances against one database and one engine: this test's context (instance A,
 * with the SMTP server every mail goes to) and a second Spring Boot application started next to it
 * in the same JVM (instance B) with the same settings. Both collect tasks, run workers, send mail
 * and run the scheduled work; people complete their tasks on either instance. Nothing may exist
 * twice, and scheduled work waits for the lock another instance holds.
 */
class TwoInstancesTest extends IntegrationTest {

  static final int SMTP_PORT = freePort();
  static final int YEARS = 6;
  private static ConfigurableApplicationContext second;

  @DynamicPropertySource
  static void instance(DynamicPropertyRegistry registry) {
    instanceProperties().forEach((key, value) -> registry.add(key, () -> value));
    registry.add("kinerja.mail.embedded.enabled", () -> "true");
  }

  /** What both instances are started with (besides the test profile). */
  static Map<String, String> instanceProperties() {
    return Map.of(
        "kinerja.mail.embedded.port", String.valueOf(SMTP_PORT),
        "kinerja.notification.sender.enabled", "true",
        "kinerja.notification.sender.poll-interval", "100ms",
        "kinerja.notification.digest-cron", "-",
        "kinerja.tasklist.reconcile-interval", "200ms",
        "kinerja.tasklist.check-every", "1s");
  }

  @Autowired JdbcClient jdbc;
  private TestAgency agency;
  @Autowired Engine engineA;
  @Autowired TaskStore storeA;
  @Autowired TaskService tasksA;
  @Autowired EmbeddedMailServer smtp;
  @Autowired LockProvider locks;
  @Autowired Notifications notifications;
  @Autowired TransactionTemplate transactions;

  /** Instance B: same database, same engine, same properties; its mail goes to A's SMTP server. */
  @BeforeEach
  void startSecondInstance() {
    if (second == null) {
      var properties = new ArrayList<String>();
      properties.add("server.port=0");
      properties.add("kinerja.mail.embedded.enabled=false");
      instanceProperties().forEach((key, value) -> properties.add(key + "=" + value));
      second =
          new SpringApplicationBuilder(KinerjaApplication.class, TestConfig.class)
              .profiles("test")
              .initializers(new ContextEngineInitializer())
              .properties(properties.toArray(String[]::new))
              .run();
    }
  }

  @AfterAll
  static void stopSecondInstance() {
    if (second != null) {
      second.close();
      second = null;
    }
  }

  @Test
  void plansOnBothInstancesLeaveEveryTaskSkpAndMailOnce() {
    var peopleA = new People(storeA, tasksA);
    var peopleB = new People(second.getBean(TaskStore.class), second.getBean(TaskService.class));
    Engine engineB = second.getBean(Engine.class);
    int year = 2040;
    var instances = new ArrayList<Long>();
    var employees = new ArrayList<Viewer>();
    var raters = new ArrayList<Viewer>();
    for (int i = 0; i < YEARS; i++) {
      Viewer employee = user("two-emp", i);
      Viewer rater = user("two-rat", i);
      employees.add(employee);
      raters.add(rater);
      Engine starting = i % 2 == 0 ? engineA : engineB;
      instances.add(
          starting.startProcess(
              "skp-planning",
              Map.of(
                  "employeeUsername", employee.username(),
                  "raterUsername", rater.username(),
                  "periodYear", year,
                  "employeeNip", nip(employee.username()))));
    }
    for (int i = 0; i < YEARS; i++) {
      // the draft on one instance, the review on the other
      People drafting = i % 2 == 0 ? peopleB : peopleA;
      People reviewing = i % 2 == 0 ? peopleA : peopleB;
      drafting.complete(employees.get(i), instances.get(i), "draft-skp", Api.skp());
      reviewing.complete(
          raters.get(i), instances.get(i), "review-skp", Map.of("decision", "APPROVE"));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> approved(instances) == YEARS);
    for (long instance : instances) {
      assertThat(tasksPerStep(instance))
          .as("tasks of instance %d", instance)
          .containsExactlyInAnyOrderEntriesOf(Map.of("draft-skp", 1L, "review-skp", 1L));
      assertThat(
              jdbc.sql(
                      "select count(*) from skp_round r join skp s on s.id = r.skp_id"
                          + " where s.process_instance_key = ?")
                  .param(instance)
                  .query(Long.class)
                  .single())
          .isEqualTo(2);
    }

    // one announcement per task and person, each sent once: the employee's draft, the rater's
    // review
    List<String> recipients = new ArrayList<>();
    employees.forEach(e -> recipients.add(e.username()));
    raters.forEach(r -> recipients.add(r.username()));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(mailsTo(recipients)).hasSize(2 * YEARS));
    Map<String, Long> copies =
        mailsTo(recipients).stream()
            .collect(Collectors.groupingBy(ReceivedMessage::messageId, Collectors.counting()));
    assertThat(copies).hasSize(2 * YEARS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    // in the outbox: the task announcements, sent once each; the approvals, waiting for the digest
    assertThat(
            jdbc.sql(
                    "select type || ' ' || status, count(*) from notification_outbox"
                        + " where recipient_username in (:users) group by type, status")
                .param("users", recipients)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list())
        .containsExactlyInAnyOrder(
            Map.entry("TASK_ASSIGNED SENT", 2L * YEARS),
            Map.entry("SKP_APPROVED DIGESTED", (long) YEARS));

    // the scheduled work of both instances went through the shared locks
    assertThat(jdbc.sql("select name from shedlock").query(String.class).list())
        .contains("outbox-sender", "task-reconciler", "resource-folder-watcher");
  }

  @Test
  void noInstanceSendsWhileAnotherHoldsTheSendersLock() {
    Viewer person = user("two-lock", 0);
    // taken between two runs of the instances' senders, as a third instance would
    SimpleLock held =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    locks.lock(
                        new LockConfiguration(
                            Instant.now(), "outbox-sender", Duration.ofMinutes(1), Duration.ZERO)),
                Optional::isPresent)
            .orElseThrow();
    try {
      transactions.executeWithoutResult(
          status ->
              notifications.enqueue(
                  new NotificationRequest(
                      "two-instances:lock",
                      NotificationType.TASK_ASSIGNED,
                      person.username(),
                      Map.of("taskName", "Tinjau SKP", "processId", "skp-planning"),
                      "/tasks")));
      // both instances poll every 100 ms; neither may send while a third holds the lock
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(() -> mailsTo(List.of(person.username())).isEmpty());
    } finally {
      held.unlock();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> mailsTo(List.of(person.username())).size() == 1);
  }

  private long approved(List<Long> instances) {
    return jdbc.sql(
            "select count(*) from skp where status = 'APPROVED' and process_instance_key in (:keys)")
        .param("keys", instances)
        .query(Long.class)
        .single();
  }

  private Map<String, Long> tasksPerStep(long instance) {
    return jdbc
        .sql(
            "select element_id, count(*) from user_task where process_instance_key = ?"
                + " group by element_id")
        .param(instance)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private List<ReceivedMessage> mailsTo(List<String> usernames) {
    List<String> addresses = usernames.stream().map(u -> u + "@example.test").toList();
    return smtp.received().stream()
        .filter(m -> m.to().stream().anyMatch(addresses::contains))
        .toList();
  }

  /** A user with an employee record and an address, so that tasks are announced by mail. */
  private Viewer user(String prefix, int i) {
    if (agency == null) {
      agency = new TestAgency(jdbc);
    }
    TestAgency.Person person =
        agency.person(prefix + i + "-" + SEQUENCE.incrementAndGet(), "III/c", null);
    NIPS.put(person.username(), person.nip());
    return person.viewer();
  }

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Map<String, String> NIPS = new ConcurrentHashMap<>();

  private static String nip(String username) {
    return NIPS.get(username);
  }

  private static int freePort() {
    try {
      return AppProcess.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
