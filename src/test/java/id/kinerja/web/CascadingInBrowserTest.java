package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.support.SkpDrafts;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cascading in Chromium: the SKP draft offers the RHKs of the rater's approved SKP, and the rater's
 * review shows which of their RHKs each person supports and which nobody does. Screenshots:
 * target/screenshots/cascading-*.
 */
class CascadingInBrowserTest extends BrowserTest {

  private static final String SERVICE = "Meningkatnya keterbukaan informasi publik";
  private static final String ARCHIVE = "Terkelolanya arsip digital dinas";

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;

  @Test
  void theDraftOffersTheRatersRhkAndTheReviewShowsWhoSupportsWhich() {
    var people = new People(store, taskService);
    var agency = new TestAgency(jdbc);
    Person head = agency.withDemoPassword(agency.person("kepala", "IV/b", null));
    Person rater = agency.withDemoPassword(agency.person("penilai", "IV/a", head));
    Person first = agency.withDemoPassword(agency.person("pertama", "III/a", rater));
    Person second = agency.person("kedua", "III/a", rater);

    // the rater's own SKP with two RHKs, approved by their superior
    long raterPlanning = planning(rater, head);
    people.complete(
        rater.viewer(),
        raterPlanning,
        "draft-skp",
        SkpDrafts.of(
            Map.of("rhkAtasan", "Meningkatnya pelayanan publik", "rhk", SERVICE),
            Map.of("rhkAtasan", "Meningkatnya pelayanan publik", "rhk", ARCHIVE)));
    people.complete(head.viewer(), raterPlanning, "review-skp", Map.of("decision", "APPROVE"));
    awaitSkp(raterPlanning, "APPROVED");

    // a colleague already supports the first of them
    long secondPlanning = planning(second, rater);
    people.complete(
        second.viewer(),
        secondPlanning,
        "draft-skp",
        SkpDrafts.of(
            Map.of("chosenRhkAtasan", SERVICE, "rhk", "Terjawabnya permohonan informasi publik")));
    awaitSkp(secondPlanning, "SUBMITTED");

    // the employee chooses the superior's RHK from the rater's SKP; typing one is not offered
    long firstPlanning = planning(first, rater);
    actAs(first.username());
    page.navigate(
        url("/tasks/" + people.awaitTask(first.viewer(), firstPlanning, "draft-skp").key()));
    page.locator("#task-submit").waitFor();
    assertThat(page.getByText("RHK pimpinan yang diintervensi, ditulis sendiri")).hasCount(0);
    choose("RHK pimpinan yang diintervensi (superior's RHK supported)", SERVICE);
    fillField("Rencana hasil kerja (RHK)", "Terlayaninya permohonan informasi tepat waktu");
    fillField("Indikator (indicator)", "Permohonan informasi dijawab dalam 10 hari kerja");
    choose("Aspek (aspect)", "Waktu");
    fillField("Target", "95");
    fillField("Satuan (unit)", "persen");
    assertThat(
            page.locator(
                ".fjs-form-field-select", new Page.LocatorOptions().setHasText("RHK pimpinan")))
        .containsText(SERVICE);
    screenshot("cascading-draft");
    submit();
    assertThat(awaitSkp(firstPlanning, "SUBMITTED")).isTrue();
    assertThat(
            jdbc.sql(
                    "select content -> 'hasilKerja' -> 0 ->> 'rhkAtasan' from skp where process_instance_key = :i")
                .param("i", firstPlanning)
                .query(String.class)
                .single())
        .isEqualTo(SERVICE);

    // the rater's review: who supports which of their RHKs, and which nobody supports
    actAs(rater.username());
    page.navigate(
        url("/tasks/" + people.awaitTask(rater.viewer(), firstPlanning, "review-skp").key()));
    page.locator("#task-submit").waitFor();
    Locator form = page.locator("#task-form");
    assertThat(form).containsText("Keselarasan dengan RHK Anda");
    assertThat(form.locator("li", new Locator.LocatorOptions().setHasText(SERVICE)))
        .containsText("Pegawai kedua, Pegawai pertama (SKP ini)"); // by name
    assertThat(form).containsText("Belum didukung siapa pun");
    assertThat(form.locator("li", new Locator.LocatorOptions().setHasText(ARCHIVE))).isVisible();
    // the SKP beside the form names the RHK it supports, chosen (not marked as typed)
    assertThat(page.locator("#task-skp")).containsText("↳ " + SERVICE);
    assertThat(page.locator("#task-skp")).not().containsText("ditulis sendiri");
    screenshot("cascading-review");
    page.locator(".fjs-form-field", new Page.LocatorOptions().setHasText("Keputusan (decision)"))
        .last()
        .getByLabel("Setujui (approve)")
        .check();
    submit();
    assertThat(awaitSkp(firstPlanning, "APPROVED")).isTrue();
    assertThat(pageErrors).isEmpty();
  }

  private long planning(Person employee, Person rater) {
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8));
    return Processes.skpPlanning(
        engine, employee.nip(), employee.username(), rater.username(), today);
  }

  private boolean awaitSkp(long instance, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                jdbc.sql("select status from skp where process_instance_key = :i")
                    .param("i", instance)
                    .query(String.class)
                    .optional()
                    .filter(status::equals),
            Optional::isPresent)
        .isPresent();
  }
}
