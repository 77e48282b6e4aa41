package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.kinerja.engine.Engine;
import id.kinerja.monitoring.CheckIns;
import id.kinerja.planning.SkpRecords;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Feedback360;
import id.kinerja.review.RatingPictureAgency;
import id.kinerja.review.UnitReviews;
import id.kinerja.support.BrowserTest;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rater in Chromium: the rating task shows the full picture above the form (the SKP, capaian to
 * June with the rule of the suggestion, their feedback, the evidence as a download, the 360 and the
 * public's answers of the quarter), and the rating is submitted through the form below it; the team
 * dashboard summarises the public's answers on the section per quarter. Screenshots
 * rating-picture.png and dashboard-public-answers.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingPictureInBrowserTest extends BrowserTest {

  static final int YEAR = 2092;

  @Autowired JdbcClient jdbc;
  @Autowired Engine engine;
  @Autowired UnitReviews unitReviews;
  @Autowired SkpRecords skps;
  @Autowired CheckIns checkIns;
  @Autowired Feedback360 feedback;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired Evaluations evaluations;
  RatingPictureAgency agency;

  @BeforeAll
  void aSectionUnderReview() {
    agency =
        new RatingPictureAgency(
            YEAR, jdbc, engine, unitReviews, skps, checkIns, feedback, store, tasks);
  }

  @Test
  void theRaterSeesTheFullPictureAndRates() {
    TaskRow rating = agency.ratingTask(store, tasks);
    signIn(agency.kasi.username());
    // the list and the task name the process as its owner did, not by its id
    page.navigate(url("/tasks"));
    assertThat(page.locator("#task-list"))
        .containsText("Penilaian kinerja pegawai (employee review)");
    assertThat(page.locator("#task-list")).not().containsText("employee-review");
    page.navigate(url("/tasks/" + rating.key()));
    assertThat(page.locator("#task-summary"))
        .containsText("Penilaian kinerja pegawai (employee review) (v");
    Locator picture = page.locator("#task-picture");
    assertThat(picture).isVisible();
    assertThat(picture).containsText("Gambaran lengkap");
    assertThat(picture.locator("#picture-skp"))
        .containsText("Utama: Permohonan izin terlayani tepat waktu");
    assertThat(picture.locator("#picture-skp"))
        .containsText("Permohonan dilayani (Kuantitas): 120 permohonan");
    assertThat(picture.locator("#picture-capaian")).containsText("check-in bulan Mei " + YEAR);
    assertThat(picture.locator("#picture-capaian")).containsText("6 dari 12 bulan = 50%");
    assertThat(picture.locator("#picture-capaian")).containsText("83,3%");
    assertThat(picture.locator("#picture-suggestion")).containsText("Sesuai ekspektasi");
    assertThat(picture.locator("#picture-suggestion"))
        .containsText("1 dari 2 di bawah 100% dan 1 melampaui 100%");
    assertThat(picture.locator("#picture-feedback")).containsText("Tanggap pada keluhan warga.");
    assertThat(picture.locator("#picture-evidence a[download]")).hasText("laporan-mei.pdf");
    assertThat(picture.locator("#picture-feedback360")).containsText("Rekan kerja 1, Bawahan 1");
    assertThat(picture.locator("#picture-feedback360")).containsText("belum ada jawaban");
    assertThat(picture.locator("#picture-public")).containsText("Jumlah jawaban: 2");
    assertThat(picture.locator("#picture-public")).containsText("Pelayanan cepat dan ramah.");
    assertThat(picture.locator("#picture-public")).not().containsText("Lama sekali.");
    var download = page.waitForDownload(picture.locator("#picture-evidence a[download]")::click);
    assertThat(download.suggestedFilename()).isEqualTo("laporan-mei.pdf");
    screenshot("rating-picture");

    pick("Rating hasil kerja", "Sesuai ekspektasi (as expected)");
    pick("Rating perilaku kerja", "Di atas ekspektasi (above expectations)");
    submit();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> evaluations.of(agency.staf.nip(), YEAR, "Q2").map(e -> e.predikat()),
            p -> p.isPresent() && p.get() != null);
    assertThat(evaluations.of(agency.staf.nip(), YEAR, "Q2").orElseThrow().predikat())
        .isEqualTo("BAIK");
    assertThat(pageErrors).isEmpty();
  }

  @Test
  void theTeamDashboardSummarisesThePublicsAnswersPerQuarter() {
    signIn(agency.kasi.username());
    page.navigate(url("/dashboard/team"));
    page.locator("#dashboard[data-ready='true']").waitFor();
    page.locator("#dashboard-year").fill(String.valueOf(YEAR));
    page.locator("#dashboard-year").dispatchEvent("change");
    Locator unit = page.locator(".public-unit[data-unit='" + agency.unitCode + "']");
    assertThat(unit).isVisible();
    Locator header = unit.locator("thead th");
    assertThat(header)
        .hasText(
            new String[] {
              "Nilai BerAKHLAK",
              "Triwulan I",
              "Triwulan II",
              "Triwulan III",
              "Triwulan IV",
              "Tahunan"
            });
    assertThat(unit.locator("tr.count td")).hasText(new String[] {"1", "2", "0", "0", "3"});
    Locator service =
        unit.locator("tbody tr", new Locator.LocatorOptions().setHasText("Berorientasi Pelayanan"));
    assertThat(service.locator("td"))
        .hasText(
            new String[] {
              "1,0 (1)", "4,5 (2)", "belum ada jawaban", "belum ada jawaban", "3,3 (3)"
            });
    assertThat(unit.locator("ul.comments li").first()).containsText("Pelayanan cepat dan ramah.");
    assertThat(unit.locator("ul.comments li")).hasCount(2);
    screenshot("dashboard-public-answers");
    assertThat(pageErrors).isEmpty();
  }

  private void pick(String fieldLabel, String option) {
    page.locator(".fjs-form-field", new Page.LocatorOptions().setHasText(fieldLabel))
        .last()
        .getByLabel(option)
        .check();
  }
}
