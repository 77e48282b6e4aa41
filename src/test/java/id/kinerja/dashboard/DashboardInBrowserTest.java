package id.kinerja.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.Pdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Each dashboard opened by its role in Chromium: the charts are drawn with the numbers of the known
 * year ({@link DashboardAgency}); the calibration what-if shows a violation when a rating changes;
 * the rater downloads a person's SKP from the team page. Screenshots in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardInBrowserTest extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;
  @Autowired ContextEngine clock;
  DashboardAgency agency;

  @BeforeAll
  void aKnownYear() {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 2;
    agency = new DashboardAgency(jdbc, year, passwords.encode("demo"));
  }

  @Test
  void theRaterSeesTheTeamAndDownloadsAnSkp() throws IOException {
    signIn(agency.head.username());
    openDashboard("/dashboard/team");
    awaitChart("chart-skp-status", 0, List.of(1, 0, 1, 0, 2, 0));
    awaitChart("chart-check-ins", 0, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    awaitChart("chart-check-ins", 1, List.of(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    awaitChart("chart-capaian", 0, Arrays.asList(90, 100, null, null));
    assertThat(labels("chart-capaian"))
        .containsExactly("Ayu Lestari", "Bagus Pratama", "Citra Dewi", "Dimas Saputra");
    screenshot("dashboard-team");

    page.navigate(url("/team"));
    var link = page.locator("tr[data-nip='" + agency.a.nip() + "'] a.document").first();
    assertThat(link).containsText("Unduh SKP (PDF) " + agency.year);
    Download download = page.waitForDownload(link::click);
    assertThat(Pdfs.flatText(Files.readAllBytes(download.path())))
        .contains("Ayu Lestari", "SASARAN KINERJA PEGAWAI");
    screenshot("team-documents");
  }

  @Test
  void theOfficerSeesTheAgencyAndTriesACalibration() {
    signIn(agency.officer.username());
    openDashboard("/dashboard/agency");
    awaitChart("chart-stages", 0, List.of(0, 75));
    awaitChart("chart-stages", 2, Arrays.asList(null, 66.7));
    awaitChart("chart-overdue", 0, List.of(1, 0));
    awaitChart("chart-overdue", 1, List.of(0, 1));
    awaitChart("chart-appeals", 0, List.of(1, 0, 1, 0));
    awaitChart("chart-coaching", 0, List.of(2));
    screenshot("dashboard-agency");

    openDashboard("/dashboard/calibration");
    String canvas = "chart-calibration-" + agency.annualReview;
    awaitChart(canvas, 0, List.of(1, 2, 1, 0, 0));
    awaitChart(canvas, 1, Arrays.asList(null, 2, null, null, null));
    var board = page.locator(".calibration[data-review='" + agency.annualReview + "']");
    assertThat(board.locator(".constraints .violated")).hasCount(0);
    var row = board.locator("tr[data-evaluation='" + agency.evaluationB + "']");
    row.locator("select[name=ratingHasilKerja]").selectOption("DI_ATAS_EKSPEKTASI");
    row = board.locator("tr[data-evaluation='" + agency.evaluationB + "']");
    row.locator("select[name=ratingPerilaku]").selectOption("DI_ATAS_EKSPEKTASI");
    awaitChart(canvas, 0, List.of(2, 1, 1, 0, 0));
    assertThat(board.locator(".constraints .violated")).hasCount(1);
    assertThat(board.locator(".constraints .violated"))
        .containsText("Predikat Baik harus menjadi kelompok terbesar");
    assertThat(board.locator("tr[data-evaluation='" + agency.evaluationB + "'] .predikat"))
        .hasText("Sangat Baik");
    screenshot("dashboard-calibration-what-if");
  }

  @Test
  void theEmployeeSeesTheirPredikatAcrossPeriods() {
    signIn(agency.a.username());
    page.navigate(url("/dashboard/me"));
    page.waitForFunction("() => document.getElementById('dashboard').dataset.ready === 'true'");
    awaitChart("chart-predikat", 0, List.of(4, 5, 5));
    assertThat(labels("chart-predikat"))
        .containsExactly(
            agency.year + " Triwulan I",
            agency.year + " Triwulan II",
            agency.year + " Akhir (tahunan)");
    screenshot("dashboard-me");

    page.navigate(url("/dashboards"));
    assertThat(page.locator(".cards .card")).hasCount(1);
    page.navigate(url("/dashboard/agency"));
    assertThat(page.locator("main")).containsText("Anda tidak berhak melakukan tindakan ini.");
  }

  /** Opens a dashboard and shows the known year. */
  private void openDashboard(String path) {
    page.navigate(url(path));
    page.waitForFunction("() => document.getElementById('dashboard').dataset.ready === 'true'");
    page.locator("#dashboard-year").fill(String.valueOf(agency.year));
    page.locator("#dashboard-year").dispatchEvent("change");
  }

  /** Waits until the chart on the canvas draws the series' values. */
  private void awaitChart(String canvas, int series, List<? extends Number> expected) {
    String json = expected.toString().replace(" ", "");
    page.waitForFunction(
        """
        ([id, series, expected]) => {
          const chart = window.Chart && Chart.getChart(document.getElementById(id));
          return chart && JSON.stringify(chart.data.datasets[series].data.map((v) => v === null ? null : Number(v))) === expected;
        }""",
        List.of(canvas, series, json.replace("null", "null")),
        new Page.WaitForFunctionOptions().setTimeout(15_000));
  }

  @SuppressWarnings("unchecked")
  private List<String> labels(String canvas) {
    return (List<String>)
        page.evaluate("id => Chart.getChart(document.getElementById(id)).data.labels", canvas);
  }
}
