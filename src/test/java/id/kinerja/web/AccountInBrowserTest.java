package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.coaching.TestAgency;
import id.kinerja.support.BrowserTest;
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
    var row =
        page.locator("#user-rows tr")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(user));
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
}
