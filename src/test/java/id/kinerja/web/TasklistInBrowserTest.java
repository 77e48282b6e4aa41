package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The task list of an officer whose group holds more tasks than a list counts (1,000). */
class TasklistInBrowserTest extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Organisation organisation;

  @AfterEach
  void removeTheGroupsTasks() {
    jdbc.sql("delete from user_task where process_id = 'large-group'").update();
  }

  @Test
  void aGroupOfMoreThanAThousandTasksIsShownAsAThousandPlusAndStillPagesOn() {
    var officer = organisation.byUsername("pengelola").orElseThrow();
    String group = AgencyScope.officerGroup(organisation.agencyOf(officer).code());
    // checked far ahead: the reconciler would end tasks the engine does not know
    jdbc.sql(
            """
            insert into user_task (task_key, process_instance_key, process_definition_key, process_id,
              process_version, element_id, element_instance_key, name, candidate_groups, due_date,
              variables, checked_at)
            select 7100000000 + i, 7200000000 + i, 1, 'large-group', 1, 'review', 7300000000 + i,
                   'Tinjau usulan ' || i, array[:group], now() + i * interval '1 minute', '{}',
                   now() + interval '50 years'
              from generate_series(1, 1005) i""")
        .param("group", group)
        .update();

    signIn("pengelola");
    page.navigate(url("/tasks"));
    assertThat(page.locator("#count-group")).hasText("1.000+");
    page.locator("button[data-view='GROUP']").click();
    Locator info = page.locator("#page-info");
    assertThat(info).hasText("1 / 40+ (1.000+)");
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
