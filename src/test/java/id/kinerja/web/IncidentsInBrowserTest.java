package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.Processes;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin finds a stopped step on /admin, fixes its cause and retries it from the page. */
class IncidentsInBrowserTest extends BrowserTest {

  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  @Test
  void theAdminRetriesAStoppedStepOnTheAdministrationPage() {
    String recipient = "pendatang" + System.nanoTime() % 1_000_000;
    long instance = Processes.notificationToNobody(client, recipient);

    signIn("admin");
    var row = page.locator("#incident-rows tr").filter(hasText("#" + instance));
    // the incident appears once the worker gave up on the unknown recipient
    page.waitForCondition(
        () -> {
          page.navigate(url("/admin"));
          page.locator("#incidents-none:visible, #incidents-table:visible").first().waitFor();
          return row.count() == 1;
        });
    assertThat(row).containsText("notify-test");
    assertThat(row).containsText(recipient);
    screenshot("admin-incident");

    // the missing account is made; the retry sends the step on and the incident goes
    jdbc.sql("insert into app_user (username, password_hash) values (:u, 'x')")
        .param("u", recipient)
        .update();
    row.getByText("Coba lagi").click();
    assertThat(row.locator("button")).hasText("Dicoba lagi");
    page.waitForCondition(
        () -> {
          page.navigate(url("/admin"));
          page.locator("#incidents-none:visible, #incidents-table:visible").first().waitFor();
          return row.count() == 0;
        });
    screenshot("admin-incident-retried");
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }
}
