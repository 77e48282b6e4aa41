package id.kinerja.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every chart's endpoint against the known year of {@link DashboardAgency}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;
  @Autowired ContextEngine clock;
  DashboardAgency agency;
  Api api;

  @BeforeAll
  void aKnownYear() {
    api = new Api(http);
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 2;
    agency = new DashboardAgency(jdbc, year, passwords.encode("demo"));
  }

  @Test
  void theRatersChartsCountTheTeam() {
    String head = agency.head.username();
    JsonNode skp = api.get(head, "/api/dashboards/team/skp-status?year=" + agency.year);
    assertThat(texts(skp.path("labels")))
        .containsExactly(
            "Belum ada SKP", "Draf", "Diajukan", "Dikembalikan", "Ditetapkan", "Ditutup (mutasi)");
    assertThat(numbers(skp.path("datasets").get(0).path("data")))
        .containsExactly(1.0, 0.0, 1.0, 0.0, 2.0, 0.0);

    JsonNode checkIns = api.get(head, "/api/dashboards/team/check-ins?year=" + agency.year);
    assertThat(checkIns.path("labels")).hasSize(12);
    assertThat(series(checkIns, "onTime")).startsWith(1.0, 0.0, 0.0);
    assertThat(series(checkIns, "late")).startsWith(0.0, 1.0, 0.0);
    assertThat(series(checkIns, "overdue")).startsWith(1.0, 0.0, 0.0);
    assertThat(series(checkIns, "onTime").stream().mapToDouble(Double::doubleValue).sum())
        .isEqualTo(1.0);

    JsonNode capaian = api.get(head, "/api/dashboards/team/capaian?year=" + agency.year);
    assertThat(texts(capaian.path("labels")))
        .containsExactly("Ayu Lestari", "Bagus Pratama", "Citra Dewi", "Dimas Saputra");
    assertThat(series(capaian, "capaian")).containsExactly(90.0, 100.0, null, null);
    assertThat(series(capaian, "target")).containsOnly(100.0);
    assertThat(capaian.path("details").path("months").path("Ayu Lestari").asInt()).isEqualTo(6);

    // an employee has no team dashboard
    assertThat(
            api.as(agency.a.username())
                .getForEntity("/api/dashboards/team/skp-status", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theOfficersChartsCoverTheirAgencyOnly() {
    String officer = agency.officer.username();
    JsonNode stages = api.get(officer, "/api/dashboards/agency/stages?year=" + agency.year);
    assertThat(stages.path("labels")).hasSize(2);
    assertThat(stages.path("labels").get(1).asText()).startsWith("Unit uji SEKSI");
    assertThat(series(stages, "skpDrafted")).containsExactly(0.0, 75.0);
    assertThat(series(stages, "skpApproved")).containsExactly(0.0, 50.0);
    assertThat(series(stages, "checkIns")).containsExactly(null, 66.7);
    assertThat(series(stages, "rated")).containsExactly(0.0, 100.0);
    assertThat(series(stages, "delivered")).containsExactly(0.0, 100.0);

    JsonNode overdue = api.get(officer, "/api/dashboards/agency/overdue");
    assertThat(texts(overdue.path("labels")))
        .containsExactly("Check-in bulanan", "Susun SKP oleh Pengelola Kinerja");
    assertThat(series(overdue, "overdue")).containsExactly(1.0, 0.0);
    assertThat(series(overdue, "escalated")).containsExactly(0.0, 1.0);

    JsonNode appeals = api.get(officer, "/api/dashboards/agency/appeals?year=" + agency.year);
    assertThat(texts(appeals.path("labels")))
        .containsExactly(
            "Sedang diproses",
            "Hasil penilaian dikuatkan",
            "Hasil penilaian diubah",
            "Keberatan ditolak");
    assertThat(numbers(appeals.path("datasets").get(0).path("data")))
        .containsExactly(1.0, 0.0, 1.0, 0.0);

    JsonNode coaching = api.get(officer, "/api/dashboards/agency/coaching-load");
    assertThat(texts(coaching.path("labels"))).containsExactly("Pegawai kepala");
    assertThat(series(coaching, "open")).containsExactly(2.0);
    assertThat(series(coaching, "closed")).containsExactly(1.0);
    assertThat(series(coaching, "capacity")).containsExactly(3.0);

    // the demo agency's Pengelola Kinerja sees none of it
    assertThat(
            api.get("pengelola-kominfo", "/api/dashboards/agency/appeals?year=" + agency.year)
                .toString())
        .doesNotContain(agency.sectionCode);
    assertThat(
            api.get("pengelola-kominfo", "/api/dashboards/calibration?year=" + agency.year)
                .toString())
        .doesNotContain(agency.a.nip());
    assertThat(
            api.as("pegawai1")
                .getForEntity("/api/dashboards/agency/stages", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void calibrationShowsTheDistributionBesideTheCurveAndTheWhatIfChecksAChange() {
    String officer = agency.officer.username();
    JsonNode boards = api.get(officer, "/api/dashboards/calibration?year=" + agency.year);
    JsonNode annual = null;
    for (JsonNode b : boards) {
      if (b.path("reviewId").asLong() == agency.annualReview) {
        annual = b;
      }
    }
    assertThat(annual).isNotNull();
    assertThat(texts(annual.path("chart").path("labels")))
        .containsExactly(
            "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang");
    assertThat(series(annual.path("chart"), "count")).containsExactly(1.0, 2.0, 1.0, 0.0, 0.0);
    assertThat(series(annual.path("chart"), "atMost")).containsExactly(null, 2.0, null, null, null);
    assertThat(annual.path("violations")).isEmpty();
    assertThat(annual.path("constraints")).hasSize(3);

    // Bagus Pratama rated above expectation twice: Sangat Baik, and Baik is no longer the largest
    // group
    JsonNode whatIf =
        api.post(
                officer,
                "/api/dashboards/calibration/" + agency.annualReview + "/what-if",
                Map.of(
                    "changes",
                    List.of(
                        Map.of(
                            "evaluationId", agency.evaluationB,
                            "ratingHasilKerja", "DI_ATAS_EKSPEKTASI",
                            "ratingPerilaku", "DI_ATAS_EKSPEKTASI"))))
            .getBody();
    assertThat(series(whatIf.path("chart"), "count")).containsExactly(2.0, 1.0, 1.0, 0.0, 0.0);
    assertThat(whatIf.path("violations")).hasSize(1);
    assertThat(whatIf.path("violations").get(0).asText())
        .startsWith("Predikat Baik harus menjadi kelompok terbesar");
    // nothing was saved
    assertThat(
            jdbc.sql("select predikat from evaluation where id = :id")
                .param("id", agency.evaluationB)
                .query(String.class)
                .single())
        .isEqualTo("BAIK");
    assertThat(
            api.post(
                    "pengelola-kominfo",
                    "/api/dashboards/calibration/" + agency.annualReview + "/what-if",
                    Map.of("changes", List.of()))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theEmployeeSeesTheirPredikatAcrossPeriods() {
    JsonNode mine = api.get(agency.a.username(), "/api/dashboards/me/predikat");
    assertThat(texts(mine.path("labels")))
        .containsExactly(
            agency.year + " Triwulan I",
            agency.year + " Triwulan II",
            agency.year + " Akhir (tahunan)");
    assertThat(numbers(mine.path("datasets").get(0).path("data"))).containsExactly(4.0, 5.0, 5.0);
    assertThat(texts(mine.path("details").path("predikat")))
        .containsExactly("Baik", "Sangat Baik", "Sangat Baik");
  }

  @Test
  void everyChartEndpointIsDocumented() {
    JsonNode openApi = api.get("admin", "/api/openapi");
    for (String path :
        List.of(
            "/api/dashboards/team/skp-status",
            "/api/dashboards/team/check-ins",
            "/api/dashboards/team/capaian",
            "/api/dashboards/agency/stages",
            "/api/dashboards/agency/overdue",
            "/api/dashboards/agency/appeals",
            "/api/dashboards/agency/coaching-load",
            "/api/dashboards/calibration",
            "/api/dashboards/calibration/{reviewId}/what-if",
            "/api/dashboards/me/predikat",
            "/api/skp/{id}/document.pdf",
            "/api/evaluations/{id}/document.pdf",
            "/api/exports/evaluations",
            "/api/exports")) {
      JsonNode operation = openApi.path("paths").path(path);
      assertThat(operation.isMissingNode()).as(path).isFalse();
      JsonNode first = operation.elements().next();
      assertThat(first.path("summary").asText()).as(path).isNotBlank();
    }
    assertThat(
            openApi
                .path("components")
                .path("schemas")
                .path("Chart")
                .path("properties")
                .has("datasets"))
        .isTrue();
  }

  private static List<String> texts(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static List<Double> numbers(JsonNode array) {
    var list = new ArrayList<Double>();
    array.forEach(n -> list.add(n.isNull() ? null : n.asDouble()));
    return list;
  }

  private static List<Double> series(JsonNode chart, String key) {
    for (JsonNode s : chart.path("datasets")) {
      if (s.path("key").asText().equals(key)) {
        return numbers(s.path("data"));
      }
    }
    throw new AssertionError("no series " + key + " in " + chart);
  }
}
