package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import id.kinerja.coaching.TestAgency;
import id.kinerja.support.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An imported account gets its first password from the admin and its owner changes it. */
class AccountInBrowserTest extends BrowserTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theAdminSetsAPasswordAndItsOwnerChangesItOnTheAccountPage() {
    String user = new TestAgency(jdbc).person("baru", "III/a", null).username();
    List<String> dialogs = new ArrayList<>();
    page.onDialog(
        dialog -> {
          dialogs.add(dialog.message());
          dialog.accept();
        });

    signIn("admin");
    page.navigate(url("/admin"));
    page.locator("#user-search").fill(user);
    var row = page.locator("#user-rows tr").filter(new Locator.FilterOptions().setHasText(user));
    // the searched list, not the first page shown before it: only then is the row there to stay
    assertThat(page.locator("#user-rows tr")).hasCount(1);
    assertThat(row).hasCount(1);
    row.locator("input[type=password]").fill("Sandi-Awal-Mataram-1");
    row.getByText("Setel kata sandi").click();
    page.waitForCondition(() -> !dialogs.isEmpty()); // dialogs arrive while Playwright waits
    assertThat(dialogs).containsExactly("Kata sandi disetel.");
    signOut();

    signIn(user, "Sandi-Awal-Mataram-1");
    page.locator("header a.who").click();
    assertThat(page.locator("h1")).hasText("Akun saya");
    page.locator("input[name=currentPassword]").fill("Sandi-Awal-Mataram-1");
    page.locator("input[name=newPassword]").fill("Sandi-Pilihan-Sendiri-2");
    page.locator("#password-form button[type=submit]").click();
    assertThat(page.locator("#password-result")).hasText("Kata sandi diganti.");
    screenshot("account-password-changed");
    signOut();

    signIn(user, "Sandi-Pilihan-Sendiri-2");
    assertThat(page.locator("header a.who")).hasText(user);
  }

  @Test
  void aPersonMakesAnApiTokenOnTheAccountPageSeesItOnceAndRevokesIt() throws Exception {
    var agency = new TestAgency(jdbc);
    String user = agency.withDemoPassword(agency.person("integrasi", "III/b", null)).username();
    signIn(user);
    page.navigate(url("/account"));
    assertThat(page.locator("#token-rows")).hasText("Belum ada token.");
    page.locator("#token-form input[name=name]").fill("Laporan bulanan");
    page.locator("#token-form input[name=days]").fill("90");
    page.locator("#token-form button[type=submit]").click();
    assertThat(page.locator("#token-result")).containsText("tidak akan ditampilkan lagi");
    String secret = page.locator("#new-token").textContent();
    var row = page.locator("#token-rows tr").first();
    assertThat(row).containsText("Laporan bulanan");
    assertThat(row).containsText(secret.substring(0, 10));
    screenshot("account-api-token-created");

    // a script uses it as a bearer token
    assertThat(status(secret)).isEqualTo(200);
    page.reload();
    assertThat(page.locator("#token-rows")).not().containsText(secret);

    row = page.locator("#token-rows tr").first();
    row.getByText("Cabut").click();
    assertThat(page.locator("#token-rows tr").first()).containsText("Dicabut");
    screenshot("account-api-token-revoked");
    assertThat(status(secret)).isEqualTo(401);
  }

  private int status(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url("/api/me")))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
