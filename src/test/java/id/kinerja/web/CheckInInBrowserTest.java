package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A monthly check-in with an evidence file, reported and reviewed in the browser. */
class CheckInInBrowserTest extends BrowserTest {

  @Autowired Engine engine;
  @Autowired Organisation organisation;
  @Autowired id.kinerja.support.ContextEngine clock;

  @Test
  void theEmployeeAttachesAFileToTheCheckInAndTheRaterDownloadsIt() throws Exception {
    // last year's monitoring: its January check-in is due at once, without moving the clock that
    // other tests share
    Processes.monitoring(
        engine,
        organisation.byUsername("pegawai1").orElseThrow().nip(),
        "pegawai1",
        "atasan1",
        LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 1);
    byte[] report = "%PDF-1.4 rekap layanan Januari".getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempDirectory("evidence").resolve("rekap-januari.pdf");
    Files.write(file, report);

    signIn("pegawai1");
    openTask("Check-in bulanan");
    fillField("Realisasi kumulatif", "10");
    page.locator("#task-form input[type=file]").first().setInputFiles(file);
    fillField("Tautan bukti dukung", "https://drive.example.go.id/bukti/januari");
    page.keyboard().press("Tab"); // form-js keeps a text field's value once it is left
    screenshot("task-checkin-evidence");
    submit();
    signOut();

    signIn("atasan1");
    openTask("Umpan balik berkelanjutan");
    assertThat(page.locator("#task-skp a[download]")).hasText("rekap-januari.pdf");
    // the link shows as its text, with a link beside it that tells the other site nothing
    assertThat(page.locator("#task-skp .evidence-link"))
        .hasText("https://drive.example.go.id/bukti/januari");
    assertThat(page.locator("#task-skp a[target=_blank]"))
        .hasAttribute("href", "https://drive.example.go.id/bukti/januari");
    assertThat(page.locator("#task-skp a[target=_blank]"))
        .hasAttribute("rel", "noopener noreferrer nofollow");
    Download download = page.waitForDownload(() -> page.locator("#task-skp a[download]").click());
    assertThat(download.suggestedFilename()).isEqualTo("rekap-januari.pdf");
    assertThat(Files.readAllBytes(download.path())).isEqualTo(report);
  }
}
