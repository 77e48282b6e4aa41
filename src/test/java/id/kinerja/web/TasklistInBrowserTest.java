package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.GroupTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task list of an agency's Pengelola Kinerja whose group holds more tasks than a list counts.
 */
class TasklistInBrowserTest extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Organisation organisation;

  @AfterEach
  void removeTheGroupsTasks() {
    GroupTasks.remove(jdbc);
  }

  @Test
  void aGroupOfMoreThanAThousandTasksIsShownAsAThousandPlusAndStillPagesOn() {
    var officer = organisation.byUsername("pengelola-kominfo").orElseThrow();
    String group = AgencyScope.officerGroup(organisation.agencyOf(officer).code());
    GroupTasks.offer(jdbc, group, 1005);

    signIn("pengelola-kominfo");
    page.navigate(url("/tasks"));
    assertThat(page.locator("#count-group")).hasText("1.000+");
    page.locator("button[data-view='GROUP']").click();
    Locator info = page.locator("#page-info");
    assertThat(info).hasText("1 / 40+ (1.000+)");
    // the agency's group by its label, not its code
    assertThat(page.locator(".task-card").first()).containsText("Pengelola Kinerja DISKOMINFO");
    screenshot("tasks-large-group");

    for (int next = 2; next <= 41; next++) { // to the page past the first thousand
      page.locator("#page-next").click();
      assertThat(info).containsText(next + " / ");
    }
    assertThat(info).hasText("41 / 41 (1.005)");
    assertThat(page.locator("#page-next")).isDisabled();
    assertThat(page.locator(".task-card")).hasCount(5);
  }
}
