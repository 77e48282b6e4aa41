package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.review.Evaluations;
import id.kinerja.review.UnitReviews;
import id.kinerja.support.Api;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The employee sees their year on /my/skp in Chromium: the rater's expectations per BerAKHLAK
 * value, each check-in with realisasi and capaian against the target to date (qualitative
 * indicators with their narrative, not counted) and the rater's feedback (on the results and per
 * value), and the rater's notes and recommendations with the delivered result. Screenshot:
 * target/screenshots/my-year.
 */
class MyYearInBrowserTest extends BrowserTest {

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;
  @Autowired UnitReviews unitReviews;
  @Autowired Evaluations evaluations;

  @Test
  void theEmployeeSeesExpectationsCheckInsFeedbackAndTheRatersNotes() {
    var people = new People(store, taskService);
    var agency = new TestAgency(jdbc);
    Person head = agency.withDemoPassword(agency.person("kepala", "IV/b", null));
    Person rater = agency.withDemoPassword(agency.person("penilai", "IV/a", head));
    Person employee = agency.withDemoPassword(agency.person("pegawai", "III/a", rater));
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8));

    // the SKP, approved with the rater's expectation for Akuntabel
    long planning =
        engine.startProcess(
            "skp-planning",
            Map.of(
                "employeeNip", employee.nip(),
                "employeeUsername", employee.username(),
                "raterUsername", rater.username(),
                "periodYear", today.getYear(),
                "postStartedOn", today.toString(),
                "zoneOffset", "+08:00"));
    people.complete(employee.viewer(), planning, "draft-skp", Api.skp());
    var expectations = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 7; i++) {
      expectations.add(Map.of("ekspektasi", i == 1 ? "Laporan kegiatan tepat waktu" : ""));
    }
    people.complete(
        rater.viewer(),
        planning,
        "review-skp",
        Map.of("decision", "APPROVE", "ekspektasiPerilaku", expectations));

    // a check-in (January of last year, due at once) and the rater's feedback on it
    long monitoring =
        Processes.monitoring(
            engine,
            employee.nip(),
            employee.username(),
            rater.username(),
            today.getYear() - 1,
            List.of(Processes.quantitativeIndicator(), Processes.qualitativeIndicator()));
    TaskRow checkin = people.awaitTask(employee.viewer(), monitoring, "checkin");
    taskService.complete(checkin.key(), employee.viewer(), Processes.checkin(checkin, 12));
    var perValue = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 7; i++) {
      perValue.add(Map.of("feedback", i == 0 ? "Ramah dan cepat melayani pemohon" : ""));
    }
    people.complete(
        rater.viewer(),
        monitoring,
        "feedback",
        Map.of(
            "feedbackHasilKerja",
            "Realisasi di atas rencana bulan ini.",
            "feedbackPerValue",
            perValue));

    // the annual result, delivered with the rater's notes
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", head.id())
        .param("unit", agency.root())
        .update();
    String unitCode =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    long review = unitReviews.open(unitCode, today.getYear(), "ANNUAL", "test").unitReviewId();
    evaluations.prepare(review, "BAIK");
    long evaluation =
        evaluations.ofReview(review).stream()
            .filter(e -> e.employeeNip().equals(employee.nip()))
            .findFirst()
            .orElseThrow()
            .id();
    evaluations.rate(
        evaluation,
        "SESUAI_EKSPEKTASI",
        "SESUAI_EKSPEKTASI",
        "BAIK",
        "Pertahankan ketepatan waktu; ikuti pelatihan kearsipan digital.");
    evaluations.deliver(review, today);
    Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from monitoring_checkin where employee_nip = :nip and feedback_hasil is not null")
                        .param("nip", employee.nip())
                        .query(Long.class)
                        .single()
                    == 1);

    actAs(employee.username());
    page.navigate(url("/my/skp"));
    Locator expectationsShown = page.locator("#my-skps .expectations");
    assertThat(expectationsShown).containsText("Akuntabel: Laporan kegiatan tepat waktu");
    Locator checkIn = page.locator("#my-checkins .checkin").first();
    assertThat(checkIn).containsText((today.getYear() - 1) + " · bulan ke-1");
    // 12 requests by the end of January, of 120 a year: against the 10 planned by then, 120%
    assertThat(checkIn)
        .containsText(
            "Permohonan informasi dilayani: 12 / 10 permohonan (target s.d. bulan ini;"
                + " target tahunan 120)");
    assertThat(checkIn)
        .containsText("capaian terhadap target s.d. bulan ini (pro rata bulan berjalan): 120%");
    // the qualitative indicator with its narrative, left out of the numeric capaian
    assertThat(checkIn.locator(".qualitative"))
        .hasText(
            "Kualitas jawaban atas permohonan informasi (kualitatif): "
                + Processes.NARRATIVE
                + " · tidak dihitung dalam capaian numerik");
    assertThat(checkIn).containsText("Realisasi di atas rencana bulan ini.");
    assertThat(checkIn.locator(".feedback-per-value"))
        .containsText("Berorientasi Pelayanan: Ramah dan cepat melayani pemohon");
    assertThat(page.locator("#my-results .rating-notes"))
        .containsText("Catatan dan rekomendasi penilai: Pertahankan ketepatan waktu");
    screenshot("my-year");
    assertThat(pageErrors).isEmpty();
  }
}
