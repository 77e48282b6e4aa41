package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.coaching.TestAgency;
import id.kinerja.engine.Engine;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.OwnPostgres;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.filters.IncidentRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.JobRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL away for 30 seconds in the middle of work: the application runs on a PostgreSQL of
 * this test's own, which the test stops and starts. Meanwhile requests answer 503 with a sentence
 * in the caller's language, the engine goes on (new plannings start, reviews are completed), and
 * the workers that meet the missing database hand their jobs back without spending retries. When
 * the database is back everything goes on by itself: nothing lost, nothing twice, no incident.
 */
class DatabaseOutageTest extends IntegrationTest {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final int BEFORE = 3;
  static final int DURING = 3;
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OwnPostgres postgres;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    postgres = OwnPostgres.start();
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl("kinerja_outage"));
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    // short enough for a quick test; any value outlasts an outage, as no retry is spent
    registry.add("kinerja.jobs.database-retry-backoff", () -> "5s");
    // stored tasks stay reserved through the outage, as with the 30 days of production (the test
    // profile's 15 s would hand them out again while the reconciler cannot renew them)
    registry.add("kinerja.tasklist.reservation", () -> "10m");
  }

  @AfterAll
  static void removeDatabase() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Autowired JdbcClient jdbc;
  private TestAgency agency;
  @Autowired Engine engine;
  @Autowired CamundaClient client;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @LocalServerPort int port;
  @Autowired ContextEngine records;

  @Test
  void workGoesOnByItselfAfterThirtySecondsWithoutTheDatabase() {
    var people = new People(store, tasks);
    var before = new ArrayList<Plan>();
    for (int i = 0; i < BEFORE; i++) {
      Plan plan = plan();
      people.complete(plan.employee(), plan.instance(), "draft-skp", Api.skp());
      plan.review = people.awaitTask(plan.rater(), plan.instance(), "review-skp");
      before.add(plan);
    }
    for (int i = 0; i < DURING; i++) {
      spare.add(new Viewer[] {user("out-emp"), user("out-rat")});
    }
    // the demo user signs in with Basic on every request
    assertThat(get("/api/tasks", "id").getStatusCode().value()).isEqualTo(200);

    Instant stopped = Instant.now();
    postgres.stop();
    var during = new ArrayList<Plan>();
    try {
      ResponseEntity<JsonNode> indonesian = get("/api/tasks", "id");
      assertThat(indonesian.getStatusCode().value()).isEqualTo(503);
      assertThat(indonesian.getHeaders().getFirst("Retry-After")).isEqualTo("30");
      assertThat(indonesian.getBody().path("detail").asText())
          .isEqualTo(
              "Basis data Kinerja sedang tidak dapat dihubungi. Tidak ada yang hilang; coba lagi"
                  + " dalam setengah menit.");
      ResponseEntity<JsonNode> english = get("/api/tasks", "en");
      assertThat(english.getStatusCode().value()).isEqualTo(503);
      assertThat(english.getBody().path("detail").asText())
          .startsWith("The Kinerja database cannot be reached right now.");
      assertThat(english.getBody().toString())
          .doesNotContainIgnoringCase("sql")
          .doesNotContain("org.", "java.", "Exception", "jdbc");
      assertThat(get("/api/me", "en").getStatusCode().value()).isEqualTo(503);

      // the engine goes on meanwhile: reviews completed (as on an instance that still had them),
      // new plannings started; their workers and the tasklist meet the missing database
      for (Plan plan : before) {
        client
            .newCompleteCommand(plan.review.key())
            .variables(Map.of("decision", "APPROVE", "completedBy", plan.rater().username()))
            .send()
            .join();
      }
      for (int i = 0; i < DURING; i++) {
        during.add(startedPlan(i));
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> failedWithRetriesLeft("kinerja-skp-reviewed") >= BEFORE);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> failedWithRetriesLeft("io.camunda.zeebe:userTask") >= DURING);
      // requests keep answering 503 for as long as the database is away
      await()
          .pollInterval(Duration.ofSeconds(3))
          .atMost(OUTAGE.plusSeconds(10))
          .until(
              () ->
                  get("/api/tasks", "id").getStatusCode().value() == 503
                      && Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
    } finally {
      postgres.startAgain();
    }
    Instant restarted = Instant.now();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/tasks", "id").getStatusCode().value() == 200);
    // the reviews recorded, once each
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> before.stream().allMatch(plan -> "APPROVED".equals(status(plan))));
    for (Plan plan : before) {
      assertThat(rounds(plan)).containsExactly("DRAFT", "REVIEW");
      assertThat(outbox(plan.employee(), "SKP_APPROVED")).isEqualTo(1);
    }
    // the drafts of the plannings started meanwhile: in the tasklist once each, announced once
    for (Plan plan : during) {
      TaskRow draft = people.awaitTask(plan.employee(), plan.instance(), "draft-skp");
      assertThat(draft.assignee()).isEqualTo(plan.employee().username());
      assertThat(people.openTasks(plan.employee(), plan.instance(), "draft-skp")).hasSize(1);
      assertThat(
              jdbc.sql("select count(*) from user_task where process_instance_key = ?")
                  .param(plan.instance())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(outbox(plan.employee(), "TASK_ASSIGNED")).isEqualTo(1);
    }
    var incidents = new ArrayList<Long>();
    before.forEach(plan -> incidents.add(plan.instance()));
    during.forEach(plan -> incidents.add(plan.instance()));
    assertThat(
            incidents.stream()
                .filter(
                    instance ->
                        new IncidentRecordStreamFilter(
                                RecordStream.of(records.records()).incidentRecords())
                            .withProcessInstanceKey(instance).stream().findAny().isPresent())
                .toList())
        .as("process instances with an incident")
        .isEmpty();
    System.out.printf(
        "DatabaseOutageTest: database away %d s; %d reviews and %d new tasks waited; all done %d s"
            + " after it was back%n",
        Duration.between(stopped, restarted).toSeconds(),
        BEFORE,
        DURING,
        Duration.between(restarted, Instant.now()).toSeconds());
  }

  /** Jobs of the type failed while their retries were kept (the database-away path). */
  private long failedWithRetriesLeft(String type) {
    return new JobRecordStreamFilter(RecordStream.of(records.records()).jobRecords())
        .withIntent(JobIntent.FAILED).stream()
            .filter(job -> job.getValue().getType().equals(type))
            .filter(job -> job.getValue().getRetries() > 0)
            .filter(
                job ->
                    job.getValue().getErrorMessage().contains("database")
                        || job.getValue().getErrorMessage().contains("could not store"))
            .count();
  }

  /**
   * A request of the demo user (Basic, as a script signs in) with java.net.http: unlike the test's
   * RestTemplate it does not repeat a 503 by itself after its Retry-After.
   */
  private ResponseEntity<JsonNode> get(String path, String language) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(HttpHeaders.ACCEPT_LANGUAGE, language)
            .header(
                HttpHeaders.AUTHORIZATION,
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("pegawai1:demo".getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
      var headers = new HttpHeaders();
      response.headers().map().forEach(headers::addAll);
      JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
      return new ResponseEntity<>(body, headers, response.statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String status(Plan plan) {
    return jdbc.sql("select status from skp where process_instance_key = ?")
        .param(plan.instance())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> rounds(Plan plan) {
    return jdbc.sql(
            "select r.kind from skp_round r join skp s on s.id = r.skp_id"
                + " where s.process_instance_key = ? order by r.id")
        .param(plan.instance())
        .query(String.class)
        .list();
  }

  private long outbox(Viewer person, String type) {
    return jdbc.sql(
            "select count(*) from notification_outbox where recipient_username = ? and type = ?")
        .params(person.username(), type)
        .query(Long.class)
        .single();
  }

  /** An SKP planning of a new employee and rater (users with addresses, so tasks are announced). */
  private Plan plan() {
    Viewer employee = user("out-emp");
    Viewer rater = user("out-rat");
    return new Plan(employee, rater, start(employee, rater));
  }

  /** A planning started while the database is away: its people were created before. */
  private final List<Viewer[]> spare = new ArrayList<>();

  private Plan startedPlan(int i) {
    Viewer[] pair = spare.get(i);
    return new Plan(pair[0], pair[1], start(pair[0], pair[1]));
  }

  private long start(Viewer employee, Viewer rater) {
    return engine.startProcess(
        "skp-planning",
        Map.of(
            "employeeUsername", employee.username(),
            "raterUsername", rater.username(),
            "periodYear", 2041,
            "employeeNip", nip(employee.username())));
  }

  private Viewer user(String prefix) {
    if (agency == null) {
      agency = new TestAgency(jdbc);
    }
    TestAgency.Person person = agency.person(prefix + SEQUENCE.incrementAndGet(), "III/c", null);
    NIPS.put(person.username(), person.nip());
    return person.viewer();
  }

  private static final Map<String, String> NIPS = new ConcurrentHashMap<>();

  private static String nip(String username) {
    return NIPS.get(username);
  }

  static final class Plan {
    private final Viewer employee;
    private final Viewer rater;
    private final long instance;
    TaskRow review;

    Plan(Viewer employee, Viewer rater, long instance) {
      this.employee = employee;
      this.rater = rater;
      this.instance = instance;
    }

    Viewer employee() {
      return employee;
    }

    Viewer rater() {
      return rater;
    }

    long instance() {
      return instance;
    }
  }
}
