package id.kinerja.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.Cancellations;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/appeal.bpmn as PP 30/2019 art. 59 has it: the rater explains by a due date, the rater's
 * superior may ask the employee too, then decides for good; the decision SLA counts from the filing
 * and its escalation lets the Pengelola Kinerja hand the decision to another official. Appeals
 * filed in the past (filedAt) reach the SLA's timers without moving the clock other tests share.
 */
class AppealProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;
  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  People people;
  Api api;

  final Viewer pengelola = new Viewer("pengelola", List.of("PEGAWAI", "PENGELOLA_KINERJA"));

  // the appeals started directly are between people of an agency of their own: no other test
  // finds the tasks they leave open
  TestAgency agency;
  Person superior;
  Person rater;
  Person employee;
  Person official;

  @BeforeEach
  void setUp() {
    people = new People(store, tasks);
    api = new Api(http);
    agency = new TestAgency(jdbc);
    superior = agency.person("atasan-penilai", "IV/b", null);
    rater = agency.person("penilai", "IV/a", superior);
    employee = agency.person("pegawai", "III/a", rater);
    official = agency.person("pejabat", "IV/b", null);
  }

  @Test
  void theDeciderAsksTheEmployeeForAnExplanationThenChangesTheResultForGood() {
    Person decider = superior;
    agency.withDemoPassword(employee);
    agency.withDemoPassword(decider);
    long evaluation = delivered(employee, rater, decider, "DI_BAWAH_EKSPEKTASI", "BUTUH_PERBAIKAN");

    ResponseEntity<JsonNode> filed =
        api.post(
            employee.username(),
            "/api/evaluations/" + evaluation + "/appeal",
            Map.of(
                "reasons", "Capaian saya melampaui target; bukti dukung belum dipertimbangkan."));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long appealId = filed.getBody().path("appealId").asLong();
    long instance =
        jdbc.sql("select process_instance_key from appeal where id = :id")
            .param("id", appealId)
            .query(Long.class)
            .single();

    // the rater's explanation is due 5 days after the filing [C]
    TaskRow explain = people.awaitTask(rater.viewer(), instance, "explain");
    Instant filedAt =
        jdbc.sql("select filed_at from appeal where id = :id")
            .param("id", appealId)
            .query(OffsetDateTime.class)
            .single()
            .toInstant();
    assertThat(explain.dueDate())
        .isBetween(
            filedAt.plus(Duration.ofDays(5)).minusSeconds(1),
            filedAt.plus(Duration.ofDays(5)).plusSeconds(1));
    tasks.complete(explain.key(), rater.viewer(), Map.of("explanation", "Sesuai bukti dukung."));

    // the decider asks the employee first (a question is needed), then decides
    TaskRow decide = people.awaitTask(decider.viewer(), instance, "decide");
    assertThat(decide.dueDate())
        .isBetween(
            filedAt.plus(Duration.ofDays(14)).minusSeconds(1),
            filedAt.plus(Duration.ofDays(14)).plusSeconds(1));
    ResponseEntity<JsonNode> noQuestion =
        api.post(
            decider.username(),
            "/api/tasks/" + decide.key() + "/complete",
            Map.of("appealDecision", "ASK_EMPLOYEE"));
    assertThat(noQuestion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    tasks.complete(
        decide.key(),
        decider.viewer(),
        Map.of("appealDecision", "ASK_EMPLOYEE", "employeeQuestion", "Mana bukti triwulan IV?"));
    tasks.complete(
        people.awaitTask(employee.viewer(), instance, "employee-explain").key(),
        employee.viewer(),
        Map.of("employeeExplanation", "Bukti triwulan IV ada pada check-in Desember."));
    TaskRow again = people.awaitTask(decider.viewer(), instance, "decide");
    assertThat(again.variables())
        .containsEntry("employeeExplanation", "Bukti triwulan IV ada pada check-in Desember.");
    tasks.complete(
        again.key(),
        decider.viewer(),
        Map.of(
            "appealDecision",
            "CHANGED",
            "newRatingHasilKerja",
            "SESUAI_EKSPEKTASI",
            "newRatingPerilaku",
            "SESUAI_EKSPEKTASI",
            "decisionNotes",
            "Bukti dukung lengkap; hasil kerja sesuai ekspektasi."));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "BAIK"
                    .equals(
                        jdbc.sql("select predikat from evaluation where id = :id")
                            .param("id", evaluation)
                            .query(String.class)
                            .single()));
    assertThat(
            jdbc.sql(
                    "select status || ':' || employee_question || ':' || employee_explanation from appeal where id = :id")
                .param("id", appealId)
                .query(String.class)
                .single())
        .isEqualTo("CHANGED:Mana bukti triwulan IV?:Bukti triwulan IV ada pada check-in Desember.");
    assertThat(outbox(employee.username())).contains("APPEAL_DECIDED");
  }

  @Test
  void theRaterIsRemindedBeforeTheExplanationIsDueAndTheDeciderAWeekAfterTheFiling() {
    // filed 8 days ago: the explanation is overdue, and the decision SLA's reminder is due
    // although the decider's task has not even appeared yet
    long instance = appeal(clock.now().minus(Duration.ofDays(8)));
    people.awaitTask(rater.viewer(), instance, "explain");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> subjects(rater.username()).stream().anyMatch(s -> s.contains("Beri penjelasan")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                subjects(superior.username()).stream()
                    .anyMatch(s -> s.contains("Putuskan keberatan")));
    assertThat(people.openTasks(pengelola, instance, "follow-up-overdue")).isEmpty();
  }

  @Test
  void fourteenDaysAfterTheFilingThePengelolaKinerjaHandsTheDecisionToAnotherOfficial() {
    long instance = appeal(clock.now().minus(Duration.ofDays(15)));
    people.complete(
        rater.viewer(), instance, "explain", Map.of("explanation", "Sesuai bukti dukung."));
    TaskRow decide = people.awaitTask(superior.viewer(), instance, "decide");
    TaskRow escalation = people.awaitTask(pengelola, instance, "follow-up-overdue");
    String other = official.username();

    // the official must be someone else than the employee, the rater and the current decider
    ResponseEntity<JsonNode> toRater =
        api.post(
            "pengelola",
            "/api/tasks/" + escalation.key() + "/complete",
            Map.of(
                "escalationAction",
                "REASSIGN",
                "newDecider",
                rater.username(),
                "followUpNotes",
                "Dialihkan."));
    assertThat(toRater.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(toRater.getBody().path("errors").get(0).path("message").asText())
        .contains("tidak dapat memutus keberatan ini");

    tasks.complete(
        escalation.key(),
        pengelola,
        Map.of(
            "escalationAction",
            "REASSIGN",
            "newDecider",
            other,
            "followUpNotes",
            "Atasan pejabat penilai sedang cuti panjang."));

    // the old decider's task leaves the lists; the decision waits for the new official
    assertThat(Cancellations.delay(clock, store, decide.key(), "message: appeal reassigned"))
        .isLessThan(Duration.ofSeconds(5));
    TaskRow moved = people.awaitTask(new Viewer(other, List.of("PEGAWAI")), instance, "decide");
    assertThat(moved.variables()).containsEntry("deciderUsername", other);
    assertThat(
            jdbc.sql("select decider_username from appeal where process_instance_key = :key")
                .param("key", instance)
                .query(String.class)
                .single())
        .isEqualTo(other);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'APPEAL_REASSIGNED' and actor = 'pengelola'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void anAppealNobodyCanDecideOrOnAResultNotDeliveredIsRefusedInWordsAndNothingIsFiled() {
    var agency = new TestAgency(jdbc);
    Person top = agency.person("puncak", "IV/c", null);
    Person head = agency.person("kepala", "IV/a", top); // rated by top, who has no superior
    agency.withDemoPassword(head);
    long noDecider = delivered(head, top, null, "SESUAI_EKSPEKTASI", "BAIK");

    ResponseEntity<JsonNode> refused =
        fileIn("en", head.username(), noDecider, "The rating ignores the evidence I uploaded.");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody().path("detail").asText())
        .startsWith("There is no rater's superior who could decide the appeal of");

    Person decider = agency.person("pemutus", "IV/a", null);
    Person rater = agency.person("penilai", "III/d", decider);
    Person employee = agency.person("pegawai", "III/a", rater);
    agency.withDemoPassword(employee);
    long rated = delivered(employee, rater, decider, "SESUAI_EKSPEKTASI", "BAIK");
    jdbc.sql("update evaluation set status = 'RATED', appeal_deadline = null where id = :id")
        .param("id", rated)
        .update();
    ResponseEntity<JsonNode> early =
        fileIn("id", employee.username(), rated, "Penilaian belum mempertimbangkan bukti saya.");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().path("detail").asText())
        .isEqualTo("Hasil penilaian ini belum disampaikan kepada Anda.");

    assertThat(
            jdbc.sql("select count(*) from appeal where evaluation_id in (:ids)")
                .param("ids", List.of(noDecider, rated))
                .query(Long.class)
                .single())
        .isZero();
  }

  private ResponseEntity<JsonNode> fileIn(
      String language, String user, long evaluation, String reasons) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/evaluations/" + evaluation + "/appeal",
            HttpMethod.POST,
            new HttpEntity<>(Map.of("reasons", reasons), headers),
            JsonNode.class);
  }

  /** An appeal of the employee against the rater's rating, to the superior, filed then. */
  private long appeal(Instant filedAt) {
    return Processes.appeal(
        engine,
        jdbc,
        new Processes.Parties(
            employee.nip(),
            employee.username(),
            rater.nip(),
            rater.username(),
            superior.username()),
        filedAt);
  }

  /** A delivered annual result of the employee, rated by the rater, open to appeal today. */
  private long delivered(
      Person employee, Person rater, Person decider, String hasil, String predikat) {
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by, status) values (:unit, 2093, 'ANNUAL', 'test', 'FINAL') returning id")
            .param("unit", "UJI-" + employee.nip())
            .query(Long.class)
            .single();
    return jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, rater_nip, rater_username,
              decider_username, rating_hasil_kerja, rating_perilaku, predikat, status, delivered_at, appeal_deadline)
            values (:review, :nip, 2093, 'ANNUAL', :raterNip, :rater, :decider, :hasil, 'SESUAI_EKSPEKTASI', :predikat,
              'DELIVERED', now(), :deadline) returning id""")
        .param("review", review)
        .param("nip", employee.nip())
        .param("raterNip", rater.nip())
        .param("rater", rater.username())
        .param("decider", decider == null ? null : decider.username())
        .param("hasil", hasil)
        .param("predikat", predikat)
        .param("deadline", LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8)).plusDays(10))
        .query(Long.class)
        .single();
  }

  private List<String> outbox(String user) {
    return jdbc.sql("select type from notification_outbox where recipient_username = :u")
        .param("u", user)
        .query(String.class)
        .list();
  }

  private List<String> subjects(String user) {
    return jdbc.sql("select subject from notification_outbox where recipient_username = :u")
        .param("u", user)
        .query(String.class)
        .list();
  }
}
