package id.kinerja.development;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.development.DevelopmentFollowUps.Arranged;
import id.kinerja.development.DevelopmentFollowUps.Kind;
import id.kinerja.development.DevelopmentFollowUps.NewFollowUp;
import id.kinerja.development.DevelopmentFollowUps.Source;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of /api/development and who may see and change them: awards and talent pool by the
 * Pengelola Kinerja for Sangat Baik only, a follow-up's outcome by its owner or the Pengelola
 * Kinerja, each person's own page.
 */
class DevelopmentApiTest extends IntegrationTest {

  static final int YEAR = 2092;

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired DevelopmentFollowUps followUps;
  @Autowired EngineClock clock;
  @Autowired AgencyTime time;
  TestAgency agency;
  Person rater;
  Person excellent;
  Person steady;

  @BeforeEach
  void setUp() {
    agency = new TestAgency(jdbc);
    rater = agency.withDemoPassword(agency.person("penilai", "IV/a", null));
    excellent = agency.withDemoPassword(agency.person("unggul", "III/c", rater));
    steady = agency.withDemoPassword(agency.person("stabil", "III/c", rater));
    String unit =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by, status) values (:unit, :year, 'ANNUAL', 'test', 'FINAL') returning id")
            .param("unit", unit)
            .param("year", YEAR)
            .query(Long.class)
            .single();
    delivered(review, excellent, "SANGAT_BAIK");
    delivered(review, steady, "BAIK");
  }

  @Test
  void thePengelolaKinerjaRecordsAnAwardAndTheTalentPoolForSangatBaikOnly() {
    ResponseEntity<JsonNode> award =
        post("pengelola", "/api/development/recognitions", recognition(excellent, "AWARD"));
    assertThat(award.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(award.getBody().path("decidedBy").asText()).isEqualTo("pengelola");
    assertThat(award.getBody().path("title").asText()).isEqualTo("Pegawai Teladan");
    assertThat(
            post(
                    "pengelola",
                    "/api/development/recognitions",
                    recognition(excellent, "TALENT_POOL"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // once per kind and year; only for a Sangat Baik; only by the officer of the agency
    ResponseEntity<JsonNode> again =
        post("pengelola", "/api/development/recognitions", recognition(excellent, "AWARD"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("detail").asText()).contains("sudah dicatat");
    ResponseEntity<JsonNode> notExcellent =
        post("pengelola/en", "/api/development/recognitions", recognition(steady, "AWARD"));
    assertThat(notExcellent.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notExcellent.getBody().path("detail").asText())
        .isEqualTo("This employee has no delivered annual Sangat Baik for " + YEAR + ".");
    assertThat(
            post(
                    excellent.username(),
                    "/api/development/recognitions",
                    recognition(excellent, "AWARD"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "pengelola-kominfo",
                    "/api/development/recognitions",
                    recognition(excellent, "TALENT_POOL"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    JsonNode year = get("pengelola", "/api/development/recognitions?year=" + YEAR).getBody();
    assertThat(kinds(year, excellent)).containsExactlyInAnyOrder("AWARD", "TALENT_POOL");
    assertThat(get("pengelola-kominfo", "/api/development/recognitions?year=" + YEAR).getBody())
        .noneMatch(r -> r.path("employeeNip").asText().equals(excellent.nip()));
    JsonNode mine = get(excellent.username(), "/api/development/mine").getBody();
    assertThat(mine.path("recognitions")).hasSize(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'RECOGNITION_RECORDED' and after_state ->> 'nip' = :nip")
                .param("nip", excellent.nip())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aFollowUpsOwnerRecordsItsOutcomeAndEveryoneConcernedSeesIt() {
    Arranged assignment = arrange(Kind.SPECIAL_ASSIGNMENT, rater.username(), -1);

    // the employee sees it, overdue, but cannot close it
    JsonNode mine = get(excellent.username(), "/api/development/mine").getBody();
    JsonNode view = mine.path("followUps").get(0);
    assertThat(view.path("followUp").path("id").asLong()).isEqualTo(assignment.id());
    assertThat(view.path("overdue").asBoolean()).isTrue();
    assertThat(view.path("mayRecordOutcome").asBoolean()).isFalse();
    String path = "/api/development/follow-ups/" + assignment.id() + "/outcome";
    assertThat(post(excellent.username(), path, outcome("COMPLETED")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("pengelola-kominfo", path, outcome("COMPLETED")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // the rater, its owner, sees it on the team page and closes it
    JsonNode team = get(rater.username(), "/api/development/team").getBody();
    assertThat(team.path("followUps").get(0).path("mayRecordOutcome").asBoolean()).isTrue();
    assertThat(post(rater.username(), path, outcome("DONE")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> closed = post(rater.username(), path, outcome("COMPLETED"));
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(closed.getBody().path("followUp").path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(closed.getBody().path("overdue").asBoolean()).isFalse();
    assertThat(post(rater.username(), path, outcome("COMPLETED")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            jdbc.sql(
                    "select actor from audit_event where action = 'FOLLOW_UP_OUTCOME' and subject_id = :id")
                .param("id", String.valueOf(assignment.id()))
                .query(String.class)
                .list())
        .containsExactly(rater.username());

    // training without an owner is the Pengelola Kinerja's, who sees every open one on /periods
    Arranged training = arrange(Kind.TRAINING, null, 30);
    assertThat(
            post(
                    rater.username(),
                    "/api/development/follow-ups/" + training.id() + "/outcome",
                    outcome("COMPLETED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode list = get("pengelola", "/api/development/follow-ups?year=" + YEAR).getBody();
    assertThat(ids(list)).contains(training.id());
    assertThat(ids(get("pengelola-kominfo", "/api/development/follow-ups?year=" + YEAR).getBody()))
        .doesNotContain(training.id());
    assertThat(
            post(
                    "pengelola",
                    "/api/development/follow-ups/" + training.id() + "/outcome",
                    outcome("NOT_COMPLETED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            get(excellent.username(), "/api/development/follow-ups?year=" + YEAR).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(excellent.username(), "/api/development/team").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Arranged arrange(Kind kind, String owner, int dueInDays) {
    return followUps.arrange(
        new NewFollowUp(
            "test:" + UUID.randomUUID(),
            -1,
            Source.COACHING,
            excellent.nip(),
            kind,
            "Menyusun pedoman layanan informasi",
            owner,
            clock.today(time.defaultZone()).plusDays(dueInDays)));
  }

  private void delivered(long review, Person person, String predikat) {
    jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, predikat, status, delivered_at)
            values (:review, :nip, :year, 'ANNUAL', :predikat, 'DELIVERED', now())""")
        .param("review", review)
        .param("nip", person.nip())
        .param("year", YEAR)
        .param("predikat", predikat)
        .update();
  }

  private static Map<String, Object> recognition(Person person, String kind) {
    return Map.of(
        "nip",
        person.nip(),
        "year",
        YEAR,
        "kind",
        kind,
        "title",
        "Pegawai Teladan",
        "reason",
        "Capaian di atas target sepanjang tahun.");
  }

  private static Map<String, Object> outcome(String outcome) {
    return Map.of("outcome", outcome, "notes", "Pedoman selesai dan dipakai unit.");
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
  }

  /** user or user/en for English. */
  private static HttpHeaders headers(String user) {
    HttpHeaders headers = new HttpHeaders();
    String[] parts = user.split("/");
    headers.setBasicAuth(parts[0], "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, parts.length > 1 ? parts[1] : "id");
    return headers;
  }

  private static List<String> kinds(JsonNode list, Person person) {
    var kinds = new ArrayList<String>();
    list.forEach(
        r -> {
          if (r.path("employeeNip").asText().equals(person.nip())) {
            kinds.add(r.path("kind").asText());
          }
        });
    return kinds;
  }

  private static List<Long> ids(JsonNode list) {
    var ids = new ArrayList<Long>();
    list.forEach(f -> ids.add(f.path("followUp").path("id").asLong()));
    return ids;
  }
}
