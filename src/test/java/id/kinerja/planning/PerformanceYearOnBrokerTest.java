package id.kinerja.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.KinerjaApplication;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * pegawai1's whole performance year on the real Zeebe 8.6 broker, the application started as
 * `./kinerja run` starts it (embedded broker, the folders processes/ and forms/, the demo
 * organisation) on a database of its own. The broker's clock is moved month by month, so every
 * timer fires as it would in a real year: the monthly check-ins, the review calendar's quarterly
 * and annual reviews, the appeal window and the six-month improvement period.
 */
@Disabled("moves from the broker distribution to the sandbox engine (issue 9)")
class PerformanceYearOnBrokerTest {

  static final String UNIT = "SEKSI-LIP";
  static final ZoneId WITA = ZoneId.of("+08:00");
  static final String DATABASE =
      System.getenv().getOrDefault("KINERJA_TEST_DB", "kinerja_test") + "_year";

  @TempDir static Path work;
  static ConfigurableApplicationContext app;
  static Api api;
  static EngineClock clock;
  static Organisation organisation;
  static JdbcClient jdbc;

  @BeforeAll
  static void startTheApplication() throws Exception {
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
    }
    app =
        new SpringApplicationBuilder(KinerjaApplication.class)
            .profiles("test")
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:5432/" + DATABASE,
                "--kinerja.engine.mode=embedded",
                // ports apart from a developer's running application and EmbeddedBrokerTest
                "--kinerja.engine.embedded.gateway-port=26610",
                "--kinerja.engine.embedded.command-port=26611",
                "--kinerja.engine.embedded.internal-port=26612",
                "--kinerja.engine.embedded.rest-port=26613",
                "--kinerja.engine.embedded.management-port=26614",
                "--kinerja.engine.embedded.data-dir=" + work.resolve("zeebe"),
                "--kinerja.engine.embedded.log-file=" + work.resolve("broker.log"));
    String port = app.getEnvironment().getProperty("local.server.port");
    api =
        new Api(
            new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    clock = app.getBean(EngineClock.class);
    organisation = app.getBean(Organisation.class);
    jdbc = app.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stopTheApplication() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void pegawai1PlansReportsMonthlyIsReviewedQuarterlyAppealsAndServesAnImprovementPeriod() {
    int year = LocalDate.ofInstant(clock.now(), WITA).getYear() + 1;
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();

    // planning: the Pengelola Kinerja opens the year, pegawai1 drafts, atasan1 approves
    assertThat(
            api.post("pengelola", "/api/periods", Map.of("unitCode", UNIT, "year", year))
                .getBody()
                .path("started")
                .toString())
        .contains(nip);
    api.complete("pegawai1", api.awaitTask("pegawai1", "draft-skp", nip, year), Api.skp());
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "review-skp", nip, year),
        Map.of("decision", "APPROVE"));

    // each month ends with a check-in and the rater's feedback; each quarter with a review
    for (int month = 1; month <= 12; month++) {
      advanceTo(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
      JsonNode checkin = api.awaitTask("pegawai1", "checkin", nip, year);
      api.complete("pegawai1", checkin, onTrack(checkin, month));
      api.complete(
          "atasan1",
          api.awaitTask("atasan1", "feedback", nip, year),
          Map.of("feedbackHasilKerja", "Sesuai rencana bulan " + month + "."));
      if (month % 3 == 0) {
        String quarter = "Q" + month / 3;
        reviewUnit(year, quarter, "SESUAI_EKSPEKTASI");
        assertThat(delivered(nip, year, quarter).path("predikat").asText()).isEqualTo("BAIK");
      }
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from monitoring_checkin where employee_nip = :nip and period_year = :year")
                .param("nip", nip)
                .param("year", year)
                .query(Long.class)
                .single())
        .isEqualTo(12);

    // the annual review: pegawai1 is rated below expectation and appeals within the 14 days
    reviewUnit(year, "ANNUAL", "DI_BAWAH_EKSPEKTASI");
    JsonNode annual = delivered(nip, year, "ANNUAL");
    assertThat(annual.path("predikat").asText()).isEqualTo("BUTUH_PERBAIKAN");
    clock.advance(Duration.ofDays(10));
    assertThat(
            api.post(
                    "pegawai1",
                    "/api/evaluations/" + annual.path("id").asLong() + "/appeal",
                    Map.of(
                        "reasons", "Seluruh check-in bulanan sesuai rencana dengan bukti dukung."))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "explain", nip, year),
        Map.of("explanation", "Kualitas layanan menurun pada triwulan IV."));
    // the window closes while the appeal waits for its decision: the year waits with it
    clock.advance(Duration.ofDays(5));
    api.complete(
        "atasan2",
        api.awaitTask("atasan2", "decide", nip, year),
        Map.of("appealDecision", "UPHELD", "decisionNotes", "Penilaian sesuai bukti dukung."));

    // the final predikat is below Baik: a six-month improvement period with coaching
    JsonNode period = awaitImprovementPeriod(p -> p.path("outcome").isNull());
    assertThat(period.path("predikat").asText()).isEqualTo("BUTUH_PERBAIKAN");
    assertThat(period.path("periodYear").asInt()).isEqualTo(year);
    clock.advance(Duration.ofDays(31 * 6));
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "review-improvement", nip, year),
        Map.of(
            "improvementOutcome",
            "NOT_IMPROVED",
            "improvementNotes",
            "Waktu layanan masih melewati 10 hari kerja."));
    api.complete(
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
        .atMost(Duration.ofSeconds(45))
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
            "IMPROVEMENT_PERIOD",
            "PERIODIC_RATING_Q1",
            "PERIODIC_RATING_Q2",
            "PERIODIC_RATING_Q3",
            "PERIODIC_RATING_Q4");
  }

  /** pegawai1's improvement period as pegawai1's page shows it, once it matches. */
  private static JsonNode awaitImprovementPeriod(java.util.function.Predicate<JsonNode> matching) {
    return await()
        .atMost(Duration.ofSeconds(45))
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

  /** Moves the broker's clock to half past midnight (WITA) on the first of the month. */
  private static void advanceTo(int year, int month) {
    var target = ZonedDateTime.of(year, month, 1, 0, 30, 0, 0, WITA).toInstant();
    clock.advance(Duration.between(clock.now(), target));
  }

  /**
   * The review the calendar started when the period ended: atasan1 heads the unit and sets BAIK,
   * the raters rate everyone so that the unit fits the BAIK curve (two Sangat Baik, one Butuh
   * Perbaikan, the rest Baik), pegawai1's hasil kerja as given.
   */
  private static void reviewUnit(int year, String period, String pegawai1HasilKerja) {
    api.complete(
        "atasan1",
        api.awaitTaskWhere("atasan1", "set-unit-predikat", detail -> isOf(detail, year, period)),
        Map.of("predikatOrganisasi", "BAIK"));
    String pegawai1 = organisation.byUsername("pegawai1").orElseThrow().nip();
    List<Employee> colleagues =
        organisation.employeesIn(UNIT).stream()
            .filter(e -> !e.nip().equals(pegawai1))
            .sorted(Comparator.comparing(Employee::nip))
            .toList();
    var ratings = new HashMap<String, List<String>>();
    ratings.put(pegawai1, List.of(pegawai1HasilKerja, "SESUAI_EKSPEKTASI"));
    for (int i = 0; i < colleagues.size(); i++) {
      ratings.put(
          colleagues.get(i).nip(),
          switch (i) {
            case 0, 1 -> List.of("DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI");
            case 2 -> List.of("DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI");
            default -> List.of("SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI");
          });
    }
    for (var entry : ratings.entrySet()) {
      Employee employee = organisation.byNip(entry.getKey()).orElseThrow();
      String rater = organisation.rater(employee).orElseThrow().username();
      api.complete(
          rater,
          api.awaitTaskWhere(
              rater,
              "rate",
              detail ->
                  isOf(detail, year, period)
                      && entry
                          .getKey()
                          .equals(detail.path("variables").path("employeeNip").asText())),
          Map.of(
              "ratingHasilKerja",
              entry.getValue().get(0),
              "ratingPerilaku",
              entry.getValue().get(1)));
    }
  }

  private static boolean isOf(JsonNode detail, int year, String period) {
    JsonNode variables = detail.path("variables");
    return variables.path("periodYear").asInt() == year
        && period.equals(variables.path("period").asText());
  }

  /** pegawai1's delivered result of the period, as pegawai1 sees it. */
  private static JsonNode delivered(String nip, int year, String period) {
    return await()
        .atMost(Duration.ofSeconds(45))
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
