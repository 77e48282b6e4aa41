package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords;
import id.kinerja.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** People use the application in a real browser (Debian's Chromium). */
class SkpInBrowserTest extends BrowserTest {

  @Autowired Engine engine;
  @Autowired Organisation organisation;
  @Autowired SkpRecords skps;
  @Autowired id.kinerja.support.ContextEngine clock;

  @Test
  void anEmployeeDraftsTheRaterReturnsTheEmployeeFixesAndTheRaterApproves() {
    Employee pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    long instance =
        engine.startProcess(
            "skp-planning",
            Map.of(
                "employeeNip",
                pegawai1.nip(),
                "employeeUsername",
                "pegawai1",
                "raterUsername",
                "atasan1",
                "periodYear",
                // the year after the engine's today: other tests move the engine clock
                LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 1));

    signIn("pegawai1");
    screenshot("home-pegawai1");
    openTask("Susun SKP");
    screenshot("task-draft-skp");
    fillField("RHK pimpinan yang diintervensi", "Meningkatnya keterbukaan informasi publik");
    fillField("Rencana hasil kerja (RHK)", "Terlayaninya permohonan informasi publik tepat waktu");
    fillField(
        "Indikator (indicator)", "Persentase permohonan informasi dijawab dalam 10 hari kerja");
    choose("Aspek (aspect)", "Waktu");
    fillField("Target", "95");
    fillField("Satuan (unit)", "persen");
    submit();
    signOut();

    signIn("atasan1");
    openTask("Tinjau SKP");
    assertThat(page.locator("#task-skp"))
        .containsText("Terlayaninya permohonan informasi publik tepat waktu");
    page.getByLabel("Kembalikan (return)").check();
    fillField("Catatan untuk pegawai", "Tambahkan indikator kualitas layanan.");
    screenshot("task-review-skp");
    submit();
    signOut();

    signIn("pegawai1");
    openTask("Perbaiki SKP");
    assertThat(page.getByLabel("Catatan penilai (reviewer's notes)"))
        .hasValue("Tambahkan indikator kualitas layanan.");
    fillField(
        "Rencana hasil kerja (RHK)",
        "Terlayaninya permohonan informasi publik tepat waktu dan berkualitas");
    submit();
    signOut();

    signIn("atasan1");
    openTask("Tinjau SKP");
    page.getByLabel("Setujui (approve)").check();
    submit();

    SkpRecords.Skp skp =
        await()
            .atMost(Duration.ofSeconds(45))
            .until(
                () -> skps.byInstance(instance).filter(s -> s.status().equals("APPROVED")),
                Optional::isPresent)
            .orElseThrow();
    assertThat(skp.approvedBy()).isEqualTo("atasan1");
    assertThat(skps.rounds(skp.id())).hasSize(4);
  }

  @Test
  void aProcessOwnerUploadsANewProcessVersionAndSeesItListed() throws Exception {
    signIn("pemilik");
    page.navigate(url("/processes"));
    Locator skpRow = page.locator("tr[data-definition='skp-planning']");
    assertThat(skpRow).containsText("v1");

    var changed = Files.createTempFile("skp-planning", ".bpmn").resolveSibling("skp-planning.bpmn");
    Files.writeString(
        changed,
        Files.readString(Path.of("processes/skp-planning.bpmn"))
            .replace("Perencanaan SKP (SKP planning)", "Perencanaan SKP (versi baru)"));
    page.setInputFiles("#upload-files", changed);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validasi dan pasang"))
        .click();

    assertThat(page.locator("#upload-result")).containsText("skp-planning v2");
    assertThat(skpRow.locator("td").nth(1)).hasText("v2");
    screenshot("processes-pemilik");
  }

  @Test
  void theTaskListWorksOnAPhone() {
    asPhone();
    signIn("pengelola");
    page.navigate(url("/tasks"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tugas")))
        .isVisible();
    screenshot("tasks-phone");
  }
}
