package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The demo unit walked through a year through the API, as its people would: the Pengelola Kinerja
 * opens the year, pegawai1 drafts, atasan1 approves; the unit is reviewed, the curve is violated
 * and fixed; pegawai1 appeals and atasan2 changes the result; an appeal after the window is
 * refused.
 */
class PerformanceYearProcessTest extends IntegrationTest {

  static final String UNIT = "SEKSI-LIP";

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  @Autowired ContextEngine clock;
  @Autowired JdbcClient jdbc;
  Api api;
  long outboxBefore;

  @BeforeEach
  void setUp() {
    api = new Api(http);
    // earlier tests in this JVM notified the same demo people, in the languages they had then
    outboxBefore =
        jdbc.sql("select coalesce(max(id), 0) from notification_outbox").query(Long.class).single();
  }

  @Test
  void aYearFromPlanningThroughReviewCalibrationAndAppeal() {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 1;
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();

    var indonesian = new HttpHeaders();
    indonesian.set(HttpHeaders.CONTENT_TYPE, "application/json");
    http.withBasicAuth("pegawai1", "demo")
        .exchange(
            "/api/me/locale",
            HttpMethod.PUT,
            new HttpEntity<>(Map.of("locale", "id"), indonesian),
            Void.class);

    JsonNode opening =
        api.post("pengelola", "/api/periods", Map.of("unitCode", UNIT, "year", year)).getBody();
    assertThat(opening.path("started").toString()).contains(nip);
    // and the unit's review calendar waits for the end of Triwulan I
    assertThat(
            jdbc.sql(
                    "select calendar_instance_key from performance_period where unit_code = :unit and period_year = :year")
                .param("unit", UNIT)
                .param("year", year)
                .query(Long.class)
                .single())
        .isPositive();

    // planning: pegawai1 drafts, atasan1 approves
    JsonNode draft = api.awaitTask("pegawai1", "draft-skp", nip);
    assertThat(api.complete("pegawai1", draft, Api.skp()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    api.complete(
        "atasan1", api.awaitTask("atasan1", "review-skp", nip), Map.of("decision", "APPROVE"));

    // the annual review of the unit: atasan1 heads it
    assertThat(
            api.post(
                    "pengelola",
                    "/api/reviews",
                    Map.of("unitCode", UNIT, "year", year, "period", "ANNUAL"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "set-unit-predikat", null),
        Map.of("predikatOrganisasi", "BAIK"));
    // everyone rated as expected: all Baik, which breaks the BAIK curve (Baik at most 70%, at least
    // one below)
    for (var employee : organisation.employeesIn(UNIT)) {
      if (organisation.rater(employee).isPresent()) {
        api.selfAssess(employee.username(), employee.nip(), year);
      }
    }
    for (String rater : List.of("atasan1", "atasan2")) {
      long expected =
          organisation.employeesIn(UNIT).stream()
              .filter(e -> organisation.rater(e).map(r -> rater.equals(r.username())).orElse(false))
              .count();
      await()
          .atMost(Duration.ofSeconds(45))
          .until(() -> api.tasks(rater, "rate").size() == expected);
      for (JsonNode task : api.tasks(rater, "rate")) {
        api.complete(rater, task, Api.rating(task, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI"));
      }
    }
    JsonNode calibration = api.awaitTask("pengelola", "calibrate", null);
    assertThat(calibration.path("variables").path("curveSummary").asText())
        .contains("Predikat Baik paling banyak 70%");
    // rated, not delivered: the rater sees the result, the employee only that there is one
    JsonNode rated = ofYear(evaluations("atasan1", nip), year);
    assertThat(rated.path("status").asText()).isEqualTo("RATED");
    assertThat(rated.path("predikat").asText()).isNotBlank();
    JsonNode seen = ofYear(evaluations("pegawai1", nip), year);
    assertThat(seen.path("status").asText()).isEqualTo("RATED");
    assertThat(seen.path("predikat").isNull()).isTrue();
    assertThat(seen.path("notes").isNull()).isTrue();
    assertThat(seen.path("ratingHasilKerja").isNull()).isTrue();

    // the Pengelola Kinerja fixes three ratings: two Sangat Baik, one Butuh Perbaikan
    List<String> colleagues =
        organisation.employeesIn(UNIT).stream()
            .map(e -> e.nip())
            .filter(n -> !n.equals(nip))
            .toList();
    var changes = new ArrayList<Map<String, Object>>();
    changes.add(
        Map.of(
            "employeeNip",
            colleagues.get(1),
            "ratingHasilKerja",
            "DI_ATAS_EKSPEKTASI",
            "ratingPerilaku",
            "DI_ATAS_EKSPEKTASI"));
    changes.add(
        Map.of(
            "employeeNip",
            colleagues.get(2),
            "ratingHasilKerja",
            "DI_ATAS_EKSPEKTASI",
            "ratingPerilaku",
            "DI_ATAS_EKSPEKTASI"));
    changes.add(
        Map.of(
            "employeeNip",
            nip,
            "ratingHasilKerja",
            "DI_BAWAH_EKSPEKTASI",
            "ratingPerilaku",
            "SESUAI_EKSPEKTASI"));
    api.complete(
        "pengelola", calibration, Map.of("calibrationAction", "FIX", "ratingChanges", changes));

    JsonNode result = awaitDelivered("pegawai1", nip, year);
    assertThat(result.path("predikat").asText()).isEqualTo("BUTUH_PERBAIKAN");

    // atasan2 reads English
    var english = new HttpHeaders();
    english.set(HttpHeaders.CONTENT_TYPE, "application/json");
    http.withBasicAuth("atasan2", "demo")
        .exchange(
            "/api/me/locale",
            HttpMethod.PUT,
            new HttpEntity<>(Map.of("locale", "en"), english),
            Void.class);

    // pegawai1 appeals; atasan1 explains; atasan2 changes the result
    ResponseEntity<JsonNode> filed =
        api.post(
            "pegawai1",
            "/api/evaluations/" + result.path("id").asLong() + "/appeal",
            Map.of("reasons", "Target realisasi tercapai 100% sesuai bukti dukung terlampir."));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    explainAndDecide(
        nip,
        "Kualitas layanan belum sesuai ekspektasi pada triwulan IV.",
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
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                ofYear(evaluations("pegawai1", nip), year)
                    .path("predikat")
                    .asText()
                    .equals("BAIK"));

    // everyone concerned was told, each in their language, through the outbox
    assertThat(outbox("pegawai1"))
        .contains("TASK_ASSIGNED", "SKP_APPROVED", "RESULT_DELIVERED", "APPEAL_DECIDED");
    assertThat(outbox("atasan1")).contains("TASK_ASSIGNED", "APPEAL_FILED");
    assertThat(subjects("atasan2", "APPEAL_FILED"))
        .allMatch(subject -> !subject.isBlank() && subject.equals(subject.strip()))
        .isNotEmpty();
    assertThat(locales("atasan2", "APPEAL_FILED")).containsOnly("en");
    assertThat(locales("pegawai1", "RESULT_DELIVERED")).containsOnly("id");

    // two colleagues appeal too: one result is upheld, the other objection rejected; both final
    for (var outcome :
        List.of(List.of(colleagues.get(3), "UPHELD"), List.of(colleagues.get(4), "REJECTED"))) {
      String colleagueNip = outcome.get(0);
      String user = organisation.byNip(colleagueNip).orElseThrow().username();
      JsonNode theirs = awaitDelivered(user, colleagueNip, year);
      api.post(
          user,
          "/api/evaluations/" + theirs.path("id").asLong() + "/appeal",
          Map.of("reasons", "Saya keberatan karena capaian saya melampaui target."));
      explainAndDecide(
          colleagueNip,
          "Penilaian sudah sesuai bukti dukung.",
          Map.of(
              "appealDecision",
              outcome.get(1),
              "decisionNotes",
              "Diputuskan setelah memeriksa bukti."));
      String predikatBefore = theirs.path("predikat").asText();
      await().atMost(Duration.ofSeconds(45)).until(() -> appealStatus(user).equals(outcome.get(1)));
      assertThat(evaluations(user, colleagueNip).get(0).path("predikat").asText())
          .isEqualTo(predikatBefore);
    }

    // a second appeal is refused, and so is one after the 14 days
    assertThat(
            api.post(
                    "pegawai1",
                    "/api/evaluations/" + result.path("id").asLong() + "/appeal",
                    Map.of("reasons", "Saya mengajukan keberatan sekali lagi atas hasil ini."))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    String colleague = organisation.byNip(colleagues.get(0)).orElseThrow().username();
    long colleagueResult = awaitDelivered(colleague, colleagues.get(0), year).path("id").asLong();
    clock.advance(Duration.ofDays(15));
    var lateHeaders = new HttpHeaders();
    lateHeaders.set(HttpHeaders.CONTENT_TYPE, "application/json");
    lateHeaders.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    ResponseEntity<JsonNode> late =
        http.withBasicAuth(colleague, "demo")
            .exchange(
                "/api/evaluations/" + colleagueResult + "/appeal",
                HttpMethod.POST,
                new HttpEntity<>(
                    Map.of("reasons", "Saya keberatan atas hasil penilaian tahun ini."),
                    lateHeaders),
                JsonNode.class);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().path("detail").asText()).startsWith("The appeal window has closed");
  }

  @Test
  void aCurveViolationFinalisedWithAWrittenJustificationIsDeliveredAndShownOnTheBoard() {
    String unit = "SEKSI-KP";
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 3;
    var head =
        organisation.byId(organisation.unit(unit).orElseThrow().headEmployeeId()).orElseThrow();

    api.post(
        "pengelola", "/api/reviews", Map.of("unitCode", unit, "year", year, "period", "ANNUAL"));
    api.complete(
        head.username(),
        api.awaitTask(head.username(), "set-unit-predikat", null),
        Map.of("predikatOrganisasi", "BAIK"));
    for (var employee : organisation.employeesIn(unit)) {
      String rater = organisation.rater(employee).orElseThrow().username();
      JsonNode task = api.awaitRating(rater, employee.username(), employee.nip(), year);
      api.complete(rater, task, Api.rating(task, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI"));
    }
    JsonNode calibration = api.awaitTask("pengelola", "calibrate", null);
    ResponseEntity<JsonNode> tooShort =
        api.post(
            "pengelola",
            "/api/tasks/" + calibration.path("task").path("id").asLong() + "/complete",
            Map.of("calibrationAction", "JUSTIFY", "justification", "ok"));
    assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    api.complete(
        "pengelola",
        calibration,
        Map.of(
            "calibrationAction",
            "JUSTIFY",
            "justification",
            "Seksi kecil (3 orang) dengan kinerja merata; disepakati pimpinan."));

    JsonNode delivered = awaitDelivered("pengelola", head.nip(), year);
    assertThat(delivered.path("predikat").asText()).isEqualTo("BAIK");
    JsonNode board =
        http.withBasicAuth("pengelola", "demo")
            .getForObject("/api/reviews?year=" + year, JsonNode.class);
    assertThat(board).as(String.valueOf(board)).hasSize(1);
    assertThat(board.get(0).path("justification").asText()).startsWith("Seksi kecil");
    // lists are JSON arrays: the violations in words, the distribution per predikat
    assertThat(board.get(0).path("violations").isArray()).isTrue();
    assertThat(board.get(0).path("violations").get(0).path("message").asText())
        .isEqualTo(
            "Predikat Baik paling banyak 70% pegawai unit, yaitu 2 dari 3 orang; saat ini 3 orang.");
    assertThat(board.get(0).path("distribution").get(0).path("predikat").asText())
        .isEqualTo("BAIK");

    // an appeal the superior leaves undecided: reminded after 7 days, escalated after 14
    var member =
        organisation.employeesIn(unit).stream()
            .filter(e -> e.id() != head.id())
            .findFirst()
            .orElseThrow();
    JsonNode memberResult = awaitDelivered(member.username(), member.nip(), year);
    api.post(
        member.username(),
        "/api/evaluations/" + memberResult.path("id").asLong() + "/appeal",
        Map.of("reasons", "Capaian saya tidak tercermin dalam penilaian ini."));
    api.complete(
        head.username(),
        api.awaitTask(head.username(), "explain", member.nip()),
        Map.of("explanation", "Sudah sesuai bukti dukung yang ada."));
    String decider = organisation.appealDecider(member).orElseThrow().username();
    JsonNode decide = api.awaitTask(decider, "decide", member.nip());
    clock.advance(Duration.ofDays(8));
    await().atMost(Duration.ofSeconds(45)).until(() -> outbox(decider).contains("DEADLINE_NEAR"));
    clock.advance(Duration.ofDays(7));
    JsonNode escalation = api.awaitTask("pengelola", "follow-up-overdue", member.nip());
    assertThat(escalation.path("task").path("name").asText())
        .isEqualTo("Tindak lanjuti keberatan yang terlambat");
    // the decision is still the superior's to make
    api.complete(
        decider,
        decide,
        Map.of(
            "appealDecision", "UPHELD", "decisionNotes", "Hasil dikuatkan setelah pemeriksaan."));
  }

  @Test
  void aMutasiMidYearClosesTheOldSkpAndStartsANewOneUnderTheNewRater() {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 4;
    var mover =
        organisation.employeesIn("SEKSI-INFRA").stream()
            .filter(e -> e.position().equals("Pranata Komputer Terampil"))
            .findFirst()
            .orElseThrow();
    var newHead =
        organisation
            .byId(organisation.unit("SEKSI-KP").orElseThrow().headEmployeeId())
            .orElseThrow();
    api.post("pengelola", "/api/periods", Map.of("unitCode", "SEKSI-INFRA", "year", year));
    api.complete(
        mover.username(),
        api.awaitTask(mover.username(), "draft-skp", mover.nip(), year),
        Api.skp());
    String oldRater = organisation.rater(mover).orElseThrow().username();
    api.complete(
        oldRater,
        api.awaitTask(oldRater, "review-skp", mover.nip(), year),
        Map.of("decision", "APPROVE"));
    // the transfer comes after the approval has been recorded, as it would in an agency
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> skpStatuses(mover.username()).contains("APPROVED"));

    ResponseEntity<JsonNode> moved =
        api.post(
            "pengelola",
            "/api/employees/" + mover.nip() + "/transfer",
            Map.of(
                "year",
                year,
                "unitCode",
                "SEKSI-KP",
                "position",
                "Pranata Hubungan Masyarakat Ahli Pertama",
                "superiorNip",
                newHead.nip()));
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);

    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> skpStatuses(mover.username()).contains("CLOSED"));
    api.complete(
        mover.username(),
        api.awaitTask(mover.username(), "draft-skp", mover.nip(), year),
        Api.skp());
    JsonNode review = api.awaitTask(newHead.username(), "review-skp", mover.nip(), year);
    assertThat(review.path("variables").path("raterUsername").asText())
        .isEqualTo(newHead.username());
  }

  private List<String> skpStatuses(String user) {
    var statuses = new ArrayList<String>();
    http.withBasicAuth(user, "demo")
        .getForObject("/api/my/skp", JsonNode.class)
        .forEach(v -> statuses.add(v.path("skp").path("status").asText()));
    return statuses;
  }

  private String appealStatus(String user) {
    JsonNode appeals =
        http.withBasicAuth(user, "demo").getForObject("/api/my/appeals", JsonNode.class);
    return appeals.isEmpty() ? "" : appeals.get(0).path("status").asText();
  }

  private List<String> outbox(String user) {
    return outboxColumn("type", user, null);
  }

  private List<String> subjects(String user, String type) {
    return outboxColumn("subject", user, type);
  }

  private List<String> locales(String user, String type) {
    return outboxColumn("locale", user, type);
  }

  /** One column of the user's outbox rows, of one notification type or all. */
  private List<String> outboxColumn(String column, String user, String type) {
    return jdbc.sql(
            "select "
                + column
                + " from notification_outbox where id > :before and recipient_username = :user"
                + " and (cast(:type as text) is null or type = :type)")
        .param("before", outboxBefore)
        .param("user", user)
        .param("type", type)
        .query(String.class)
        .list();
  }

  private JsonNode awaitDelivered(String user, String nip, int year) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () -> {
              for (JsonNode e : evaluations(user, nip)) {
                if (e.path("periodYear").asInt() == year
                    && e.path("status").asText().equals("DELIVERED")) {
                  return Optional.of(e);
                }
              }
              return Optional.<JsonNode>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /** The rater explains the appeal of the employee with this NIP; the rater's superior decides. */
  private void explainAndDecide(String nip, String explanation, Map<String, Object> decision) {
    api.complete(
        "atasan1", api.awaitTask("atasan1", "explain", nip), Map.of("explanation", explanation));
    api.complete("atasan2", api.awaitTask("atasan2", "decide", nip), decision);
  }

  private static JsonNode ofYear(JsonNode evaluations, int year) {
    for (JsonNode e : evaluations) {
      if (e.path("periodYear").asInt() == year) {
        return e;
      }
    }
    throw new AssertionError("no evaluation of " + year + " in " + evaluations);
  }

  private JsonNode evaluations(String user, String nip) {
    return http.withBasicAuth(user, "demo")
        .getForObject("/api/employees/" + nip + "/evaluations", JsonNode.class);
  }
}
