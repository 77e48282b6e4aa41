package id.kinerja.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.EngineClock;
import id.kinerja.identity.Users;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * Correcting the tree through the API: who may change what, overrides and moves as the derivation
 * sees them, and acting officials who get the post's new tasks and team while the task trail names
 * both people.
 */
class TreeApiTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired OrganisationImport importer;
  @Autowired Users users;
  @Autowired JdbcClient jdbc;
  @Autowired Organisation organisation;
  @Autowired EngineClock clock;
  @Autowired AuditTrail audit;

  @Test
  void aPengelolaKinerjaCorrectsTheirOwnAgencyOnlyAndEveryChangeIsAudited() {
    var a = new TreeAgency(importer, users, jdbc);

    JsonNode agencies =
        http.withBasicAuth(a.officer, "demo")
            .getForObject("/api/organisation/agencies", JsonNode.class);
    assertThat(agencies).hasSize(1);
    assertThat(agencies.get(0).path("code").asText()).isEqualTo(a.agency);
    ResponseEntity<JsonNode> foreign =
        send(
            a.officer,
            HttpMethod.PUT,
            "/api/organisation/units/SEKSI-LIP",
            Map.of("name", "Seksi Lain", "parentCode", "BIDANG-IKP"),
            "en");
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(foreign.getBody().path("detail").asText())
        .isEqualTo("Unit 'SEKSI-LIP' is outside the agency you look after.");
    assertThat(
            send(
                    "pengelola-kominfo",
                    HttpMethod.GET,
                    "/api/organisation/tree?agency=" + a.agency,
                    null,
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // a move under the Bidang's head, then an override where the tree is wrong
    Employee staff1 = organisation.byNip(a.staff1).orElseThrow();
    assertThat(organisation.rater(staff1)).get().extracting(Employee::nip).isEqualTo(a.kabid);
    assertThat(
            send(
                    a.officer,
                    HttpMethod.POST,
                    "/api/organisation/employees/" + a.staff1 + "/move",
                    Map.of("unitCode", a.bidang, "superiorNip", a.kabid),
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(organisation.byNip(a.staff1).orElseThrow().unitCode()).isEqualTo(a.bidang);
    assertThat(
            send(
                    a.officer,
                    HttpMethod.PUT,
                    "/api/organisation/employees/" + a.staff2 + "/rater-override",
                    Map.of("raterNip", a.kadis, "reason", "Ditugaskan langsung oleh Kepala Dinas"),
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Employee staff2 = organisation.byNip(a.staff2).orElseThrow();
    assertThat(organisation.raterOf(staff2).orElseThrow().source())
        .isEqualTo(Organisation.RaterSource.OVERRIDE);
    assertThat(organisation.rater(staff2)).get().extracting(Employee::nip).isEqualTo(a.kadis);
    assertThat(organisation.treeRater(staff2)).get().extracting(Employee::nip).isEqualTo(a.kabid);
    JsonNode tree =
        http.withBasicAuth(a.officer, "demo")
            .getForObject("/api/organisation/tree?agency=" + a.agency, JsonNode.class);
    JsonNode row = person(tree, a.staff2);
    assertThat(row.path("rater").path("overrideReason").asText())
        .isEqualTo("Ditugaskan langsung oleh Kepala Dinas");
    assertThat(row.path("rater").path("derived").path("nip").asText()).isEqualTo(a.kabid);

    // refusals, in the caller's language
    ResponseEntity<JsonNode> cycle =
        send(
            a.officer,
            HttpMethod.PUT,
            "/api/organisation/employees/" + a.kadis + "/rater-override",
            Map.of("raterNip", a.staff2, "reason", "salah"),
            "en");
    assertThat(cycle.getBody().path("detail").asText())
        .isEqualTo("The chosen rater is rated by this employee; the override would go round.");
    ResponseEntity<JsonNode> below =
        send(
            a.officer,
            HttpMethod.PUT,
            "/api/organisation/units/" + a.bidang,
            Map.of("name", "Bidang Pengendalian", "parentCode", a.seksi),
            "id");
    assertThat(below.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(below.getBody().path("detail").asText())
        .isEqualTo(
            "Unit '%s' tidak dapat ditempatkan di bawah unit turunannya sendiri."
                .formatted(a.bidang));
    assertThat(auditOf("EMPLOYEE", a.staff2))
        .extracting(AuditTrail.Entry::action)
        .contains("RATER_OVERRIDDEN");
    assertThat(auditOf("EMPLOYEE", a.staff1))
        .extracting(AuditTrail.Entry::action)
        .contains("EMPLOYEE_MOVED");
  }

  @Test
  void anActingOfficialGetsThePostsNewTasksAndTeamAndTheTrailNamesBoth() {
    var a = new TreeAgency(importer, users, jdbc);
    LocalDate today = clock.today(ZoneId.of("Asia/Makassar"));
    Api api = new Api(http);

    // the Plt for the vacant head of the Seksi rates its staff; the Plh stands in for the Kabid
    assertThat(
            send(
                    a.officer,
                    HttpMethod.POST,
                    "/api/organisation/acting",
                    Map.of(
                        "unitCode",
                        a.seksi,
                        "actingNip",
                        a.staff3,
                        "kind",
                        "PLT",
                        "startsOn",
                        today.minusDays(1).toString(),
                        "endsOn",
                        today.plusDays(30).toString(),
                        "reason",
                        "Kepala seksi lowong"),
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(organisation.rater(organisation.byNip(a.staff2).orElseThrow()))
        .get()
        .extracting(Employee::nip)
        .isEqualTo(a.staff3);
    ResponseEntity<JsonNode> overlap =
        send(
            a.officer,
            HttpMethod.POST,
            "/api/organisation/acting",
            Map.of(
                "unitCode",
                a.seksi,
                "actingNip",
                a.staff1,
                "kind",
                "PLH",
                "startsOn",
                today.plusDays(10).toString(),
                "endsOn",
                today.plusDays(40).toString()),
            "id");
    assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(overlap.getBody().path("detail").asText())
        .isEqualTo(
            "Jabatan ini sudah memiliki pelaksana tugas pada %s s.d. %s; rentang tanggal tidak boleh tumpang tindih."
                .formatted(today.minusDays(1), today.plusDays(30)));
    ResponseEntity<JsonNode> backwards =
        send(
            a.officer,
            HttpMethod.POST,
            "/api/organisation/acting",
            Map.of(
                "holderNip",
                a.kabid,
                "actingNip",
                a.officer,
                "kind",
                "PLH",
                "startsOn",
                today.plusDays(5).toString(),
                "endsOn",
                today.toString()),
            "en");
    assertThat(backwards.getBody().path("detail").asText())
        .isEqualTo(
            "The end date (%s) must not be before the start date (%s)."
                .formatted(today, today.plusDays(5)));
    ResponseEntity<JsonNode> plh =
        send(
            a.officer,
            HttpMethod.POST,
            "/api/organisation/acting",
            Map.of(
                "holderNip",
                a.kadis,
                "actingNip",
                a.kabid,
                "kind",
                "PLH",
                "startsOn",
                today.toString(),
                "endsOn",
                today.plusDays(3).toString(),
                "reason",
                "Dinas luar"),
            "id");
    assertThat(plh.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // the Plh sees the Kepala Dinas's team and gets the SKP review of the Kadis's direct report
    JsonNode team = http.withBasicAuth(a.kabid, "demo").getForObject("/api/team", JsonNode.class);
    assertThat(team.toString()).contains(a.officer);
    int year = today.getYear() + 6;
    assertThat(
            send(
                    a.officer,
                    HttpMethod.POST,
                    "/api/periods",
                    Map.of("unitCode", a.agency, "year", year),
                    "id")
                .getBody()
                .path("started")
                .toString())
        .contains(a.officer);
    api.complete(a.officer, api.awaitTask(a.officer, "draft-skp", a.officer), Api.skp());
    JsonNode review = api.awaitTask(a.kabid, "review-skp", a.officer);
    assertThat(review.path("task").path("actingFor").asText()).isEqualTo(a.kadis);
    api.complete(a.kabid, review, Map.of("decision", "APPROVE"));
    AuditTrail.Entry completed =
        auditOf("TASK", review.path("task").path("id").asLong()).stream()
            .filter(e -> e.action().equals("TASK_COMPLETED"))
            .findFirst()
            .orElseThrow();
    assertThat(completed.actor()).isEqualTo(a.kabid);
    assertThat(completed.after()).contains("\"completedActingFor\": \"" + a.kadis + "\"");

    // ended early: it lasts through today, then the post is the Kepala Dinas's own again
    long id = plh.getBody().path("id").asLong();
    assertThat(
            send(a.officer, HttpMethod.POST, "/api/organisation/acting/" + id + "/end", null, "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            jdbc.sql("select ends_on from acting_official where id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .single())
        .isEqualTo(today);
  }

  @Test
  void anOpenTaskKeepsItsAssigneeWhenTheTreeChangesUntilThePengelolaReassignsIt() {
    var a = new TreeAgency(importer, users, jdbc);
    Api api = new Api(http);
    int year = clock.today(ZoneId.of("Asia/Makassar")).getYear() + 7;
    send(
        a.officer,
        HttpMethod.POST,
        "/api/periods",
        Map.of("unitCode", a.seksi, "year", year),
        "id");
    api.complete(a.staff2, api.awaitTask(a.staff2, "draft-skp", a.staff2), Api.skp());
    JsonNode review = api.awaitTask(a.kabid, "review-skp", a.staff2);
    long id = review.path("task").path("id").asLong();

    send(
        a.officer,
        HttpMethod.PUT,
        "/api/organisation/employees/" + a.staff2 + "/rater-override",
        Map.of("raterNip", a.kadis, "reason", "Dibina langsung oleh Kepala Dinas"),
        "id");
    assertThat(api.get(a.kabid, "/api/tasks/" + id).path("task").path("assignee").asText())
        .isEqualTo(a.kabid);

    assertThat(
            send(
                    "pengelola-kominfo",
                    HttpMethod.POST,
                    "/api/tasks/" + id + "/reassign",
                    Map.of("assignee", a.kadis, "reason", "Penilai berubah"),
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            send(
                    a.officer,
                    HttpMethod.POST,
                    "/api/tasks/" + id + "/reassign",
                    Map.of("assignee", a.kadis, "reason", "Penilai berubah"),
                    "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    api.complete(
        a.kadis, api.awaitTask(a.kadis, "review-skp", a.staff2), Map.of("decision", "APPROVE"));
    assertThat(auditOf("TASK", id))
        .extracting(AuditTrail.Entry::action)
        .containsSubsequence("TASK_REASSIGNED", "TASK_COMPLETED");
  }

  private static JsonNode person(JsonNode tree, String nip) {
    for (JsonNode unit : tree.path("units")) {
      for (JsonNode p : unit.path("people")) {
        if (p.path("nip").asText().equals(nip)) {
          return p;
        }
      }
    }
    throw new AssertionError(nip + " not in the tree");
  }

  private ResponseEntity<JsonNode> send(
      String user, HttpMethod method, String path, Object body, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, "demo")
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** The subject's audit entries, oldest first. */
  private List<AuditTrail.Entry> auditOf(String subjectType, Object subjectId) {
    return audit
        .search(
            new AuditTrail.Filter(subjectType, String.valueOf(subjectId), null, null, null), 0, 200)
        .items()
        .stream()
        .sorted(Comparator.comparingLong(AuditTrail.Entry::id))
        .toList();
  }
}
