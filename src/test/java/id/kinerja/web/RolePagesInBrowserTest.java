package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import id.kinerja.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** Each role's screen exists, shows its data, and refuses the wrong people with a clear page. */
class RolePagesInBrowserTest extends BrowserTest {

  @Test
  void anEmployeeSeesTheirSkpPageAndCannotOpenTheTeamPage() {
    signIn("pegawai1");
    page.navigate(url("/my/skp"));
    assertThat(page.locator("h1")).hasText("SKP dan hasil kinerja saya");
    screenshot("my-skp-pegawai1");

    page.navigate(url("/team"));
    assertThat(page.locator("h1")).hasText("Tidak diizinkan");
  }

  @Test
  void aRaterSeesTheTeam() {
    signIn("atasan1");
    page.navigate(url("/team"));
    assertThat(page.locator("#team-rows tr")).not().hasCount(0);
    assertThat(page.locator("#team-rows")).containsText("Ahmad Fauzan");
    screenshot("team-atasan1");
  }

  @Test
  void thePengelolaKinerjaOpensAYearFromTheirPage() {
    signIn("pengelola");
    page.navigate(url("/periods"));
    page.locator("#unit-select").selectOption("SEKSI-KP");
    page.locator("#open-form input[name=year]").fill("2031");
    page.locator("#open-form button[type=submit]").click();
    assertThat(page.locator("#period-result")).containsText("SEKSI-KP 2031");

    // the holidays of the year shown on the board, one per line; a malformed date is refused
    page.locator("#board-year").fill("2031");
    page.locator("#board-year").press("Tab"); // the year changes: its lists load
    page.locator("#holiday-lines[data-year='2031']").waitFor(); // the year's list is in the box
    page.locator("#holiday-lines").fill("2031-08-17 Hari Kemerdekaan\n2031-02-31 Salah");
    page.locator("#holiday-form button[type=submit]").click();
    assertThat(page.locator("#holiday-result")).containsText("Tanggal '2031-02-31' tidak terbaca");
    page.locator("#holiday-lines").fill("2031-08-17 Hari Kemerdekaan\n2031-12-25 Hari Natal");
    page.locator("#holiday-form button[type=submit]").click();
    assertThat(page.locator("#holiday-result")).containsText("Hari libur disimpan: 2");
    screenshot("periods-pengelola");
  }

  @Test
  void theAdminSeesUsersTheClockAndTheImport() {
    signIn("admin");
    page.navigate(url("/admin"));
    // the list shows 50 accounts at a time; an agency has thousands, found by searching
    page.locator("#user-search").fill("pegawai1");
    assertThat(page.locator("#user-rows")).containsText("pegawai1");
    assertThat(page.locator("#clock-now")).not().hasText("");
    screenshot("admin");
  }

  @Test
  void theInterfaceSwitchesToEnglish() {
    signIn("admin"); // the choice is stored per user: not one whose mail other tests read
    page.navigate(url("/tasks?lang=en"));
    assertThat(page.locator("h1")).hasText("Tasks");
    page.navigate(url("/"));
    assertThat(page.locator("h1")).containsText("Welcome");
  }
}
