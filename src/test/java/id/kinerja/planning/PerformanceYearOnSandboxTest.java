package id.kinerja.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import id.kinerja.support.Api;
import id.kinerja.support.AppProcess;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * pegawai1's whole performance year on the sandbox engine, the application started as `./kinerja
 * run` starts it (a JVM of its own, the sandbox engine in another, the folders processes/ and
 * forms/, the demo organisation) on a database of its own, driven only through the HTTP API. The
 * sandbox's clock is moved month by month, so every timer fires as it would in a real year: the
 * monthly check-ins, the review calendar's quarterly reviews and the annual review (in place of
 * Triwulan IV), the appeal window and the six-month improvement period. In the middle of the second
 * quarter's review, with tasks open and mail in the outbox, the application is killed (SIGKILL) and
 * started again: every task, SKP, evaluation and notification is there exactly once, and the year
 * goes on to its end.
 *
 * <p>The crash suite ({@code ./kinerja mvn verify -Pcrash}) runs this year again on ports of its
 * own with ten more kills at random task completions ({@link CrashPlan}) and writes what it did and
 * counted to target/crash/report.md.
 */
class PerformanceYearOnSandboxTest {

  static final String UNIT = "SEKSI-LIP";
  static final ZoneId WITA = ZoneId.of("+08:00");
  static final CrashPlan CRASHES = CrashPlan.fromSystemProperties();
  static final int GATEWAY = Integer.getInteger("kinerja.crash.gateway-port", 26610);
  static final int CONTROL = Integer.getInteger("kinerja.crash.control-port", 26611);
  static int steps;

  /**
   * How long a step may take: longer in the crash suite, where a step whose job a killed instance
   * had taken waits for that job's timeout (camunda.client.worker.defaults.timeout, 1 min).
   */
  static final Duration WAIT = Duration.ofSeconds(CRASHES.active() ? 150 : 45);

  static final List<String> RATERS = List.of("atasan1", "atasan2");

  @TempDir static Path work;

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetup.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static Map<String, String> properties;
  static AppProcess app;
  static Api api;
  static JdbcClient jdbc;

  @BeforeAll
  static void startTheApplication() throws Exception {
    AppProcess.stopSandbox(CONTROL); // one an earlier, killed run may have left
    String database = AppProcess.freshDatabase(CRASHES.active() ? "crash" : "year");
    properties =
        Map.of(
            "spring.datasource.url",
            "jdbc:postgresql://localhost:5432/" + database,
            "kinerja.engine.sandbox.gateway-port",
            Integer.toString(GATEWAY),
            "kinerja.engine.sandbox.control-port",
            Integer.toString(CONTROL),
            "kinerja.engine.sandbox.log-file",
            work.resolve("sandbox.log").toString(),
            // mail goes to this test's SMTP server, which outlives the application's crash
            "kinerja.mail.embedded.enabled",
            "false",
            "spring.mail.host",
            "127.0.0.1",
            "spring.mail.port",
            Integer.toString(smtp.getSmtp().getPort()),
            // slow enough that mail waits in the outbox when the application is killed
            "kinerja.notification.sender.poll-interval",
            "20s",
            // a mail cut off by a kill is tried again soon, so the outbox drains before the end
            "kinerja.notification.retry.initial-backoff",
            "5s");
    start("before-crash");
    jdbc =
        JdbcClient.create(
            new DriverManagerDataSource(
                "jdbc:postgresql://localhost:5432/" + database, "postgres", ""));
  }

  static void start(String name) throws Exception {
    app = AppProcess.start(work, name, properties);
    api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(app.baseUrl())), WAIT);
  }

  @AfterAll
  static void stopTheApplication() throws Exception {
    if (app != null) {
      app.close();
    }
    AppProcess.stopSandbox(CONTROL);
    if (CRASHES.active()) { // the application's and the sandbox's logs, next to the report
      Path logs = Path.of("target", "crash", "logs");
      Files.createDirectories(logs);
      try (var files = Files.list(work)) {
        for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
          Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void pegawai1PlansReportsMonthlyIsReviewedQuarterlyAppealsAndServesAnImprovementPeriod()
      throws Exception {
    int year = LocalDate.ofInstant(now(), WITA).getYear() + 1;
    String nip = nipOf("pegawai1");

    // planning: the Pengelola Kinerja opens the year, pegawai1 drafts, atasan1 approves
    assertThat(
            api.post("pengelola", "/api/periods", Map.of("unitCode", UNIT, "year", year))
                .getBody()
                .path("started")
                .toString())
        .contains(nip);
    complete("pegawai1", api.awaitTask("pegawai1", "draft-skp", nip, year), Api.skp());
    complete(
        "atasan1",
        api.awaitTask("atasan1", "review-skp", nip, year),
        Map.of("decision", "APPROVE"));

    // each month ends with a check-in and the rater's feedback; each quarter with a review
    for (int month = 1; month <= 12; month++) {
      advanceTo(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
      JsonNode checkin = api.awaitTask("pegawai1", "checkin", nip, year);
      complete("pegawai1", checkin, onTrack(checkin, month));
      complete(
          "atasan1",
          api.awaitTask("atasan1", "feedback", nip, year),
          Map.of("feedbackHasilKerja", "Sesuai rencana bulan " + month + "."));
      // the annual review takes the place of Triwulan IV
      if (month % 3 == 0 && month < 12) {
        String quarter = "Q" + month / 3;
        reviewUnit(year, quarter, "SESUAI_EKSPEKTASI", month == 6);
        assertThat(delivered(nip, year, quarter).path("predikat").asText()).isEqualTo("BAIK");
      }
    }
    // the month's check-in is stored by a service step after the feedback: a kill just then leaves
    // its job with the killed instance until the job's timeout (1 minute)
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from monitoring_checkin where employee_nip = :nip and period_year = :year")
                            .param("nip", nip)
                            .param("year", year)
                            .query(Long.class)
                            .single())
                    .isEqualTo(12));

    // the annual review: pegawai1 is rated below expectation and appeals within the 14 days
    reviewUnit(year, "ANNUAL", "DI_BAWAH_EKSPEKTASI", false);
    JsonNode annual = delivered(nip, year, "ANNUAL");
    assertThat(annual.path("predikat").asText()).isEqualTo("BUTUH_PERBAIKAN");
    advance(Duration.ofDays(10));
    assertThat(
            api.post(
                    "pegawai1",
                    "/api/evaluations/" + annual.path("id").asLong() + "/appeal",
                    Map.of(
                        "reasons", "Seluruh check-in bulanan sesuai rencana dengan bukti dukung."))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    complete(
        "atasan1",
        api.awaitTask("atasan1", "explain", nip, year),
        Map.of("explanation", "Kualitas layanan menurun pada triwulan IV."));
    // the window closes while the appeal waits for its decision: the year waits with it
    advance(Duration.ofDays(5));
    complete(
        "atasan2",
        api.awaitTask("atasan2", "decide", nip, year),
        Map.of("appealDecision", "UPHELD", "decisionNotes", "Penilaian sesuai bukti dukung."));

    // the final predikat is below Baik: a six-month improvement period with coaching
    JsonNode period = awaitImprovementPeriod(p -> p.path("outcome").isNull());
    assertThat(period.path("predikat").asText()).isEqualTo("BUTUH_PERBAIKAN");
    assertThat(period.path("periodYear").asInt()).isEqualTo(year);
    advance(Duration.ofDays(31 * 6));
    complete(
        "atasan1",
        api.awaitTask("atasan1", "review-improvement", nip, year),
        Map.of(
            "improvementOutcome",
            "NOT_IMPROVED",
            "improvementNotes",
            "Waktu layanan masih melewati 10 hari kerja."));
    complete(
        "pengelola",
        api.awaitTask("pengelola", "follow-up", nip, year),
        Map.of(
            "followUpAction",
            "TRAINING",
            "followUpNotes",
            "Diklat pelayanan informasi publik pada triwulan berikutnya."));
    awaitImprovementPeriod(p -> p.path("outcome").asText().equals("NOT_IMPROVED"));

    // the year ran its course: planned, monitored to December, its result final and followed up
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql(
                        "select completed_at is not null from performance_year where employee_nip = :nip and period_year = :year")
                    .param("nip", nip)
                    .param("year", year)
                    .query(Boolean.class)
                    .single());
    assertThat(
            jdbc.sql(
                    "select follow_up_action from improvement_period where employee_nip = :nip and period_year = :year")
                .param("nip", nip)
                .param("year", year)
                .query(String.class)
                .single())
        .isEqualTo("TRAINING");
    // coaching: a colleague rated below expectation in each quarter, and pegawai1's improvement
    assertThat(
            jdbc.sql("select reason from coaching_request order by reason")
                .query(String.class)
                .list())
        .containsExactly(
            "IMPROVEMENT_PERIOD", "PERIODIC_RATING_Q1", "PERIODIC_RATING_Q2", "PERIODIC_RATING_Q3");
    everythingExactlyOnce();
  }

  /**
   * A person completes a task. At the crash plan's steps the application is killed a random moment
   * after the request left, and started again; the person then looks at the task and completes it
   * again if it is still theirs (the first attempt may or may not have gone through).
   */
  private static void complete(String user, JsonNode task, Map<String, Object> values)
      throws Exception {
    int step = ++steps;
    if (!CRASHES.killsAt(step)) {
      api.complete(user, task, values);
      return;
    }
    long id = task.has("task") ? task.path("task").path("id").asLong() : task.path("id").asLong();
    String path = "/api/tasks/" + id + "/complete";
    Api before = api;
    var completing =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return before.post(user, path, values).getStatusCode().value();
              } catch (RuntimeException connectionLost) {
                return -1;
              }
            });
    long delay = CRASHES.delayMillis();
    Thread.sleep(delay);
    app.kill();
    int answer = completing.get(60, TimeUnit.SECONDS);
    start("after-kill-" + step);
    Integer again = null;
    if (answer != 204) {
      again = api.post(user, path, values).getStatusCode().value();
      // 204: completed now; 404 or 409: the first attempt had gone through
      assertThat(again).as("completing %s again after the crash", id).isIn(204, 404, 409);
    }
    String element = task.path("elementId").asText(); // the detail names its step
    CRASHES.done.add(new CrashPlan.Kill(step, element, user, delay, answer, again));
    System.out.printf(
        "Crash suite: killed at step %d (%s by %s) after %d ms%n", step, element, user, delay);
  }

  /**
   * The crash in the middle of a review: tasks open, ratings half done, mail in the outbox. After
   * the restart the same tasks are open (none lost, none doubled) and the outbox is sent.
   */
  private static void crashAndRestart() throws Exception {
    List<Long> openBefore = openTasks();
    long evaluationsBefore = count("select count(*) from evaluation");
    assertThat(openBefore).isNotEmpty();
    // mail queued and not yet sent when the application dies: whether the sender's 20 s poll came
    // after the review's last mail (or a kill's restart sent it all) is up to the clock, so one
    // such mail, as the application queues it, is put into the outbox here
    String queued = "crash-suite-" + System.nanoTime();
    jdbc.sql(
            """
            insert into notification_outbox (event_key, recipient_username, recipient_email, locale,
              type, subject, body_text, body_html, status)
            values (:key, 'pegawai1', 'pegawai1@demo.kinerja.local', 'id', 'TASK_ASSIGNED',
              'Tugas baru: Penilaian kinerja', 'Tugas baru menunggu Anda.',
              '<p>Tugas baru menunggu Anda.</p>', 'PENDING')""")
        .param("key", queued)
        .update();

    app.kill();
    start("after-crash");

    assertThat(app.logText()).contains("Using the sandbox engine already running");
    assertThat(openTasks()).containsExactlyElementsOf(openBefore);
    assertThat(count("select count(*) from evaluation")).isEqualTo(evaluationsBefore);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> count("select count(*) from notification_outbox where status = 'PENDING'") == 0);
    assertThat(
            count(
                "select count(*) from notification_outbox where status = 'SENT' and event_key = '"
                    + queued
                    + "'"))
        .as("the mail left in the outbox by the crash is sent after the restart")
        .isEqualTo(1);
  }

  /** Every record of the year once: tasks, SKPs, evaluations, notifications and the mail sent. */
  private static void everythingExactlyOnce() throws Exception {
    assertThat(
            jdbc.sql(
                    """
                    select element_instance_key from user_task
                     group by element_instance_key having count(*) filter (where state <> 'CANCELED') > 1""")
                .query(Long.class)
                .list())
        .as("a human step that became two tasks")
        .isEmpty();
    assertThat(
            jdbc.sql(
                    "select employee_nip from skp group by employee_nip, period_year having count(*) > 1")
                .query(String.class)
                .list())
        .isEmpty();
    assertThat(
            jdbc.sql(
                    "select employee_nip from evaluation group by employee_nip, period_year, period having count(*) > 1")
                .query(String.class)
                .list())
        .isEmpty();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> count("select count(*) from notification_outbox where status = 'PENDING'") == 0);
    long sent = count("select count(*) from notification_outbox where status = 'SENT'");
    MimeMessage[] received = smtp.getReceivedMessages();
    var messageIds = new HashSet<String>();
    for (MimeMessage message : received) {
      messageIds.add(message.getMessageID());
    }
    // one message per recipient; a message with several recipients arrives once for each
    assertThat(messageIds).hasSize((int) sent);
    var duplicates = new LinkedHashMap<String, Long>();
    duplicates.put(
        "human steps with two open or completed tasks",
        count(
            "select count(*) from (select element_instance_key from user_task group by"
                + " element_instance_key having count(*) filter (where state <> 'CANCELED') > 1) d"));
    duplicates.put(
        "SKPs per employee and year",
        count(
            "select count(*) from (select 1 from skp group by employee_nip, period_year"
                + " having count(*) > 1) d"));
    duplicates.put(
        "evaluations per employee and period",
        count(
            "select count(*) from (select 1 from evaluation group by employee_nip, period_year,"
                + " period having count(*) > 1) d"));
    duplicates.put(
        "appeals per evaluation",
        count(
            "select count(*) from (select 1 from appeal group by evaluation_id having count(*) > 1) d"));
    duplicates.put(
        "notifications per event and recipient",
        count(
            "select count(*) from (select 1 from notification_outbox group by event_key,"
                + " recipient_username having count(*) > 1) d"));
    duplicates.put("mails received twice", (long) (received.length - messageIds.size()));
    assertThat(duplicates).allSatisfy((check, found) -> assertThat(found).as(check).isZero());
    if (CRASHES.active()) {
      assertThat(CRASHES.done).hasSizeGreaterThanOrEqualTo(CRASHES.kills);
      var counts = new LinkedHashMap<String, Long>();
      counts.put(
          "tasks (not cancelled)",
          count("select count(*) from user_task where state <> 'CANCELED'"));
      counts.put("SKPs", count("select count(*) from skp"));
      counts.put("SKP rounds", count("select count(*) from skp_round"));
      counts.put("check-ins", count("select count(*) from monitoring_checkin"));
      counts.put("evaluations", count("select count(*) from evaluation"));
      counts.put("appeals", count("select count(*) from appeal"));
      counts.put("improvement periods", count("select count(*) from improvement_period"));
      counts.put("notifications", count("select count(*) from notification_outbox"));
      counts.put("notifications sent", sent);
      counts.put("mails received", (long) received.length);
      CRASHES.report(counts, duplicates);
    }
  }

  private static List<Long> openTasks() {
    return jdbc.sql("select task_key from user_task where state = 'OPEN' order by task_key")
        .query(Long.class)
        .list();
  }

  private static long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static String usernameOf(String nip) {
    return jdbc.sql(
            "select u.username from app_user u join employee e on e.id = u.employee_id where e.nip = :nip")
        .param("nip", nip)
        .query(String.class)
        .single();
  }

  private static String nipOf(String username) {
    return jdbc.sql(
            "select e.nip from app_user u join employee e on e.id = u.employee_id where u.username = :u")
        .param("u", username)
        .query(String.class)
        .single();
  }

  private static Instant now() {
    return Instant.parse(api.get("admin", "/api/clock").path("now").asText());
  }

  /** Moves the sandbox's clock as the admin does on the demo clock. */
  private static void advance(Duration duration) {
    long hours = Math.max(0, duration.toHours());
    assertThat(
            api.post(
                    "admin",
                    "/api/demo/clock",
                    Map.of("days", (int) (hours / 24), "hours", (int) (hours % 24)))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** pegawai1's improvement period as pegawai1's page shows it, once it matches. */
  private static JsonNode awaitImprovementPeriod(Predicate<JsonNode> matching) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              for (JsonNode p : api.get("pegawai1", "/api/coaching/improvement/mine")) {
                if (matching.test(p)) {
                  return p;
                }
              }
              return null;
            },
            p -> p != null);
  }

  /** Moves the sandbox's clock to about one in the morning (WITA) on the first of the month. */
  private static void advanceTo(int year, int month) {
    var target = ZonedDateTime.of(year, month, 1, 1, 0, 0, 0, WITA).toInstant();
    advance(Duration.between(now(), target));
  }

  /**
   * The review the calendar started when the period ended: atasan1 heads the unit and sets BAIK,
   * the raters rate everyone so that the unit fits the BAIK curve (two Sangat Baik, one Butuh
   * Perbaikan, the rest Baik, the head among them: the unit's BAIK is the head's hasil kerja),
   * pegawai1's hasil kerja as given. With {@code crash}, the application is killed halfway through
   * the ratings.
   */
  private static void reviewUnit(int year, String period, String pegawai1HasilKerja, boolean crash)
      throws Exception {
    complete(
        "atasan1",
        api.awaitTaskWhere("atasan1", "set-unit-predikat", detail -> isOf(detail, year, period)),
        Map.of("predikatOrganisasi", "BAIK"));
    String pegawai1 = nipOf("pegawai1");
    List<String> colleagues =
        jdbc.sql(
                """
                select e.nip from employee e join org_unit u on u.id = e.unit_id
                 where u.code = :unit and e.nip <> :pegawai1
                 order by e.id = u.head_employee_id, e.nip""")
            .param("unit", UNIT)
            .param("pegawai1", pegawai1)
            .query(String.class)
            .list();
    var ratings = new LinkedHashMap<String, List<String>>();
    ratings.put(pegawai1, List.of(pegawai1HasilKerja, "SESUAI_EKSPEKTASI"));
    for (int i = 0; i < colleagues.size(); i++) {
      ratings.put(
          colleagues.get(i),
          switch (i) {
            case 0, 1 -> List.of("DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI");
            case 2 -> List.of("DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI");
            default -> List.of("SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI");
          });
    }
    // each employee first sends the self-assessment asked before every rating
    for (String employee : ratings.keySet()) {
      api.selfAssess(usernameOf(employee), employee, year);
    }
    if ("ANNUAL".equals(period)) {
      // the annual ratings wait for the 360 rounds the calendar starts two weeks before the year
      // ends (here when the clock reached January) until their deadline: the choice of
      // respondents due in 7 days, the answers 14 days after that; nobody here answers
      OffsetDateTime deadline =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      jdbc.sql(
                              "select max(deadline) from feedback_round where period_year = :year and period = 'ANNUAL' having count(deadline) = :n")
                          .param("year", year)
                          .param("n", ratings.size())
                          .query(OffsetDateTime.class)
                          .optional()
                          .orElse(null),
                  Objects::nonNull);
      advance(Duration.between(now(), deadline.toInstant()).plusHours(1));
    }
    int rated = 0;
    for (var entry : ratings.entrySet()) {
      if (crash && rated == ratings.size() / 2) {
        crashAndRestart();
      }
      var task = awaitRatingTask(entry.getKey(), year, period);
      complete(
          task.rater(),
          task.detail(),
          Api.rating(task.detail(), entry.getValue().get(0), entry.getValue().get(1)));
      rated++;
    }
  }

  private record RatingTask(String rater, JsonNode detail) {}

  /** The rating task of an employee in the period, with whichever rater it is for. */
  private static RatingTask awaitRatingTask(String nip, int year, String period) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              for (String rater : RATERS) {
                for (JsonNode detail : api.tasks(rater, "rate")) {
                  if (isOf(detail, year, period)
                      && nip.equals(detail.path("variables").path("employeeNip").asText())) {
                    return new RatingTask(rater, detail);
                  }
                }
              }
              return null;
            },
            task -> task != null);
  }

  private static boolean isOf(JsonNode detail, int year, String period) {
    JsonNode variables = detail.path("variables");
    return variables.path("periodYear").asInt() == year
        && period.equals(variables.path("period").asText());
  }

  /** pegawai1's delivered result of the period, as pegawai1 sees it. */
  private static JsonNode delivered(String nip, int year, String period) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              for (JsonNode e : api.get("pegawai1", "/api/employees/" + nip + "/evaluations")) {
                if (e.path("periodYear").asInt() == year
                    && e.path("period").asText().equals(period)
                    && e.path("status").asText().equals("DELIVERED")) {
                  return e;
                }
              }
              return null;
            },
            e -> e != null);
  }

  /** Realisasi exactly on the pro-rata plan of the month, with evidence. */
  private static Map<String, Object> onTrack(JsonNode checkin, int month) {
    var items = new ArrayList<Map<String, Object>>();
    for (JsonNode item : checkin.path("variables").path("checkinItems")) {
      var row = new HashMap<String, Object>(); // the fields of the form, as form-js sends them
      row.put("iki", item.path("iki").asText());
      row.put("target", item.path("target").numberValue());
      row.put("satuan", item.path("satuan").asText());
      row.put("realisasi", item.path("target").asDouble() * month / 12);
      row.put("bukti", "https://drive.example.go.id/bukti/" + month);
      items.add(row);
    }
    return Map.of("checkinItems", items);
  }
}
