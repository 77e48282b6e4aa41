package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.development.DevelopmentFollowUps;
import id.kinerja.development.DevelopmentFollowUps.Kind;
import id.kinerja.development.DevelopmentFollowUps.NewFollowUp;
import id.kinerja.development.DevelopmentFollowUps.Source;
import id.kinerja.engine.Engine;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Development and follow-up in Chromium, as the employee, the rater and the Pengelola Kinerja:
 * after coaching ends in a special assignment the employee writes their development plan on its
 * task page and the rater agrees it; both see the plan and the assignment on their pages and the
 * rater closes the assignment; the Pengelola Kinerja gives a Sangat Baik employee an award and a
 * place in the talent pool and closes an overdue training on /periods. Screenshots:
 * target/screenshots/development-*.
 */
class DevelopmentInBrowserTest extends BrowserTest {

  static final int YEAR = 2093;

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired DevelopmentFollowUps followUps;
  @Autowired EngineClock clock;
  @Autowired AgencyTime time;

  @Test
  void theEmployeeWritesThePlanTheRaterAgreesAndThePengelolaKinerjaRecognisesAndFollowsUp() {
    var people = new People(store, taskService);
    var agency = new TestAgency(jdbc);
    Person rater = agency.withDemoPassword(agency.person("penilai", "IV/a", null));
    Person employee = agency.withDemoPassword(agency.person("pegawai", "III/a", rater));

    // coaching ends in a special assignment: it is arranged, and the plan is asked for
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater.username());
    variables.put("reason", "GAP");
    long coaching = engine.startProcess("coaching", variables);
    people.complete(
        rater.viewer(),
        coaching,
        "coaching-session",
        Map.of(
            "sessionDate",
            "2027-02-10",
            "sessionNotes",
            "Menyusun pedoman layanan informasi",
            "outcome",
            "SPECIAL_ASSIGNMENT"));
    long plan = planProcess(employee);

    // the employee writes the plan through the rendered form
    actAs(employee.username());
    page.navigate(url("/tasks/" + people.awaitTask(employee.viewer(), plan, "draft-plan").key()));
    page.locator("#task-submit").waitFor();
    fillField("Tujuan pengembangan (goals)", "Menjawab permohonan informasi tepat waktu.");
    fillField("Langkah yang akan dilakukan (actions)", "Daftar periksa harian dan umpan balik.");
    fillField("Dukungan yang dibutuhkan (support needed)", "Pelatihan arsip digital.");
    Locator date = page.getByLabel("Target selesai (target date)");
    date.fill("30/6/2027"); // day first, as the Indonesian date picker reads it
    date.press("Enter");
    page.locator("#task-form h3, #task-form h2").first().click();
    screenshot("development-employee-plan-form");
    submit();
    page.navigate(url("/my/skp"));
    Locator plans = page.locator("#my-development-plans");
    assertThat(plans).containsText("Menunggu persetujuan penilai");
    assertThat(plans).containsText("Menjawab permohonan informasi tepat waktu.");
    assertThat(plans).containsText("Target selesai: 2027-06-30");
    assertThat(page.locator("#my-follow-ups")).containsText("Penugasan khusus");
    assertThat(page.locator("#my-follow-ups")).containsText(rater.username());
    assertThat(page.locator("#my-follow-ups form")).hasCount(0); // not the employee's to close

    // the rater agrees it, then closes the special assignment from the team page
    actAs(rater.username());
    page.navigate(url("/tasks/" + people.awaitTask(rater.viewer(), plan, "review-plan").key()));
    page.locator("#task-submit").waitFor();
    assertThat(page.locator("#task-form")).containsText("Daftar periksa harian dan umpan balik.");
    page.locator(".fjs-form-field", new Page.LocatorOptions().setHasText("Keputusan (decision)"))
        .last()
        .getByLabel("Setujui rencana (agree)")
        .check();
    submit();
    page.navigate(url("/team"));
    Locator teamPlans = page.locator("#team-development-plans");
    assertThat(teamPlans).containsText("Pegawai pegawai");
    assertThat(teamPlans).containsText("Disepakati");
    Locator assignment = page.locator("#team-follow-ups .follow-up-record").first();
    assertThat(assignment).containsText("Penugasan khusus");
    assignment.getByLabel("Catatan hasil").fill("Pedoman selesai dan dipakai seksi.");
    assignment.getByRole(AriaRole.BUTTON).click();
    Locator closed = page.locator("#team-follow-ups .follow-up-record").first();
    assertThat(closed).containsText("Terlaksana: Pedoman selesai dan dipakai seksi.");
    assertThat(closed.locator("form")).hasCount(0);
    screenshot("development-rater-team");

    // the employee sees the agreed plan and the assignment's outcome
    actAs(employee.username());
    page.navigate(url("/my/skp"));
    assertThat(page.locator("#my-development-plans")).containsText("Disepakati");
    assertThat(page.locator("#my-development-plans")).containsText(rater.username());
    assertThat(page.locator("#my-follow-ups")).containsText("Terlaksana: Pedoman selesai");

    // the Pengelola Kinerja: an award and the talent pool for Sangat Baik, an overdue training
    sangatBaik(agency, employee);
    followUps.arrange(
        new NewFollowUp(
            "browser:" + UUID.randomUUID(),
            -1,
            Source.IMPROVEMENT_PERIOD,
            employee.nip(),
            Kind.TRAINING,
            "Pelatihan pelayanan informasi publik",
            null,
            clock.today(time.defaultZone()).minusDays(3)));
    actAs("pengelola");
    page.navigate(url("/periods"));
    page.locator("#talent-pool li").first().waitFor(); // the page's script is running
    page.locator("#board-year").fill(String.valueOf(YEAR));
    page.locator("#board-year").press("Tab"); // one change event: the lists of that year
    Locator entry =
        page.locator("#talent-pool li", new Page.LocatorOptions().setHasText(employee.nip()));
    entry.waitFor();
    Locator award = entry.locator("form[data-kind=AWARD]");
    award.getByLabel("Nama penghargaan").fill("Pegawai Teladan " + YEAR);
    award.getByLabel("Alasan keputusan").fill("Capaian di atas target sepanjang tahun.");
    award.getByRole(AriaRole.BUTTON).click();
    assertThat(entry).containsText("Penghargaan: Pegawai Teladan " + YEAR + " (pengelola)");
    Locator pool = entry.locator("form[data-kind=TALENT_POOL]");
    pool.getByLabel("Alasan keputusan").fill("Calon pengawas.");
    pool.getByRole(AriaRole.BUTTON).click();
    assertThat(entry).containsText("Talent pool (pengelola)");
    assertThat(entry.locator("form")).hasCount(0);
    Locator training =
        page.locator(
                "#development-follow-ups .follow-up-record",
                new Page.LocatorOptions().setHasText("Pelatihan pelayanan informasi publik"))
            .filter(new Locator.FilterOptions().setHasText(employee.nip()));
    assertThat(training).containsText("Lewat batas waktu");
    assertThat(training).containsText("Pengelola Kinerja");
    screenshot("development-pengelola-periods");
    // closed ones stay on the list of the year they were closed in: this year's
    page.locator("#board-year").fill(String.valueOf(Year.now().getValue()));
    page.locator("#board-year").press("Tab");
    page.locator("#talent-pool li", new Page.LocatorOptions().setHasText(employee.nip()))
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    training
        .getByLabel("Hasil", new Locator.GetByLabelOptions().setExact(true))
        .selectOption("COMPLETED");
    training.getByLabel("Catatan hasil").fill("Diikuti 3 hari, sertifikat terlampir.");
    training.getByRole(AriaRole.BUTTON).click();
    assertThat(
            page.locator(
                    "#development-follow-ups .follow-up-record",
                    new Page.LocatorOptions().setHasText("Pelatihan pelayanan informasi publik"))
                .filter(new Locator.FilterOptions().setHasText(employee.nip())))
        .containsText("Terlaksana: Diikuti 3 hari, sertifikat terlampir.");
    assertThat(
            page.locator(
                    "#development-follow-ups .follow-up-record",
                    new Page.LocatorOptions().setHasText("Pelatihan pelayanan informasi publik"))
                .filter(new Locator.FilterOptions().setHasText(employee.nip())))
        .not()
        .containsText("Lewat batas waktu");

    // and the employee's page shows the recognition
    actAs(employee.username());
    page.navigate(url("/my/skp"));
    assertThat(page.locator("#my-recognitions")).containsText("Penghargaan: Pegawai Teladan");
    assertThat(page.locator("#my-recognitions")).containsText("Talent pool");
    assertThat(page.locator("#my-follow-ups")).containsText("Pelatihan pelayanan informasi publik");
    screenshot("development-employee-page");
    assertThat(pageErrors).isEmpty();
  }

  private long planProcess(Person employee) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select process_instance_key from development_plan where employee_nip = :nip and process_instance_key > 0")
                    .param("nip", employee.nip())
                    .query(Long.class)
                    .optional(),
            Optional::isPresent)
        .orElseThrow();
  }

  private void sangatBaik(TestAgency agency, Person employee) {
    String unit =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by, status) values (:unit, :year, 'ANNUAL', 'test', 'FINAL') returning id")
            .param("unit", unit)
            .param("year", YEAR)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, predikat, status, delivered_at)
            values (:review, :nip, :year, 'ANNUAL', 'SANGAT_BAIK', 'DELIVERED', now())""")
        .param("review", review)
        .param("nip", employee.nip())
        .param("year", YEAR)
        .update();
  }
}
