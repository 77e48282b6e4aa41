package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import id.kinerja.engine.EngineClock;
import id.kinerja.identity.Users;
import id.kinerja.organisation.OrganisationImport;
import id.kinerja.organisation.TreeAgency;
import id.kinerja.support.Api;
import id.kinerja.support.BrowserTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tree page in Chromium: the admin corrects an agency (a unit's name, a person moved, a rater
 * named with a reason); the agency's Pengelola Kinerja sees only their agency and names an acting
 * official for a vacant post, and an overlapping one is refused in words.
 */
class TreeInBrowserTest extends BrowserTest {

  @Autowired OrganisationImport importer;
  @Autowired Users users;
  @Autowired JdbcClient jdbc;
  @Autowired EngineClock clock;
  @Autowired TestRestTemplate http;

  @Test
  void theAdminEditsAUnitMovesAPersonAndNamesARaterWithAReason() {
    var a = new TreeAgency(importer, users, jdbc);
    signIn("admin");
    page.navigate(url("/organisation"));
    page.locator("#agency-select").selectOption(a.agency);
    unit(a.bidang).click();

    page.locator("#unit-form input[name=name]").fill("Bidang Pengendalian Pencemaran");
    page.locator("#unit-form button[type=submit]").click();
    assertThat(page.locator("#tree-messages")).hasText("Perubahan disimpan.");
    assertThat(page.locator("#unit-title")).containsText("Bidang Pengendalian Pencemaran");

    unit(a.seksi).click();
    row(a.staff1).locator("button").click();
    page.locator("#move-form select[name=unitCode]").selectOption(a.bidang);
    page.locator("#move-form button[type=submit]").click();
    assertThat(page.locator("#tree-messages")).hasText("Perubahan disimpan.");
    assertThat(page.locator("#people-rows")).not().containsText("Made Arya Putra");
    unit(a.bidang).click();
    assertThat(page.locator("#people-rows")).containsText("Made Arya Putra");

    unit(a.seksi).click();
    row(a.staff2).locator("button").click();
    page.locator("#override-form select[name=raterNip]").selectOption(a.kadis);
    page.locator("#override-form input[name=reason]").fill("Ditugaskan langsung oleh Kepala Dinas");
    page.locator("#override-form button[type=submit]").click();
    assertThat(row(a.staff2))
        .containsText(
            "Ditetapkan: Ditugaskan langsung oleh Kepala Dinas · menurut struktur: Baiq Ratna Dewi");
    assertThat(row(a.staff2)).containsText("Lalu Gede Mahendra");
    assertThat(row(a.staff3))
        .containsText("Baiq Ratna Dewi"); // the tree's rater: the Bidang's head
    screenshot("organisation-admin");
  }

  @Test
  void theAgencysPengelolaKinerjaNamesAnActingOfficialForAVacantPost() {
    var a = new TreeAgency(importer, users, jdbc);
    LocalDate today = clock.today(ZoneId.of("Asia/Makassar"));
    signIn(a.officer);
    page.navigate(url("/organisation"));
    assertThat(page.locator("#agency-select option")).hasCount(1);
    assertThat(page.locator("#agency-select")).containsText("Dinas Lingkungan Hidup");
    unit(a.seksi).click();
    assertThat(page.locator("#unit-head")).containsText("(lowong)");

    acting(a.staff3, "PLT", today, today.plusDays(30), "Kepala seksi pensiun");
    assertThat(page.locator("#acting-list")).containsText("Plt. Rudi Hartawan");
    assertThat(page.locator("#unit-head")).containsText("Plt. Rudi Hartawan");
    assertThat(row(a.staff2)).containsText("Rudi Hartawan");
    assertThat(row(a.staff2)).containsText("pelaksana tugas kepala unit");

    acting(a.staff1, "PLH", today.plusDays(7), today.plusDays(9), "Cuti");
    assertThat(page.locator("#tree-messages"))
        .containsText("Jabatan ini sudah memiliki pelaksana tugas pada " + today);
    screenshot("organisation-pengelola-acting");
  }

  @Test
  void thePengelolaKinerjaGivesAnOpenTaskToSomeoneElseWithAReason() {
    var a = new TreeAgency(importer, users, jdbc);
    var api = new Api(http);
    api.post(
        a.officer,
        "/api/periods",
        Map.of("unitCode", a.seksi, "year", clock.today(ZoneId.of("Asia/Makassar")).getYear() + 8));
    api.complete(a.staff2, api.awaitTask(a.staff2, "draft-skp", a.staff2), Api.skp());
    long task = api.awaitTask(a.kabid, "review-skp", a.staff2).path("task").path("id").asLong();

    signIn(a.officer);
    page.navigate(url("/organisation"));
    unit(a.bidang).click();
    row(a.kabid).locator("button").click();
    Locator item = page.locator("#person-tasks li[data-task='" + task + "']");
    item.locator("select").selectOption(a.kadis);
    item.locator("input").fill("Kepala bidang cuti panjang");
    item.locator("button").click();
    assertThat(page.locator("#tree-messages")).hasText("Perubahan disimpan.");
    screenshot("organisation-pengelola-reassign");
    api.awaitTask(a.kadis, "review-skp", a.staff2);
  }

  private void acting(String nip, String kind, LocalDate from, LocalDate to, String reason) {
    Locator form = page.locator("#acting-form");
    form.locator("select[name=post]").selectOption(new SelectOption().setIndex(0));
    form.locator("select[name=actingNip]").selectOption(nip);
    form.locator("select[name=kind]").selectOption(kind);
    form.locator("input[name=startsOn]").fill(from.toString());
    form.locator("input[name=endsOn]").fill(to.toString());
    form.locator("input[name=reason]").fill(reason);
    form.locator("button[type=submit]").click();
  }

  private Locator unit(String code) {
    return page.locator("#unit-tree button[data-unit='" + code + "']");
  }

  private Locator row(String nip) {
    return page.locator("#people-rows tr[data-nip='" + nip + "']");
  }
}
