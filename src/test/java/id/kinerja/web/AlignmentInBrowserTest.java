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
 * Cascading after the rater's SKP changes, in Chromium: an employee's SKP approved while the rater
 * had none (its superior's RHK typed) is flagged once the rater's own SKP is approved; the rater's
 * team page shows it beside who supports which RHK, the employee is told and aligns it on *SKP
 * saya*, and the team page then shows it aligned. Screenshots: target/screenshots/alignment-*.
 */
class AlignmentInBrowserTest extends BrowserTest {

  private static final String SERVICE = "Meningkatnya keterbukaan informasi publik";
  private static final String ARCHIVE = "Terkelolanya arsip digital dinas";
  private static final String TYPED =
      "Meningkatnya layanan informasi (ditulis sebelum SKP penilai)";

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;

  @Test
  void theRatersNewSkpFlagsTheTeamsSkpsUntilEachIsAlignedAgain() {
    var people = new People(store, taskService);
    var agency = new TestAgency(jdbc);
    Person head = agency.withDemoPassword(agency.person("kepala", "IV/b", null));
    Person rater = agency.withDemoPassword(agency.person("penilai", "IV/a", head));
    Person first = agency.withDemoPassword(agency.person("pertama", "III/a", rater));
    Person second = agency.person("kedua", "III/a", rater);

    // the employee's SKP is approved while the rater has none: the superior's RHK was typed
    long firstPlanning = planning(first, rater);
    people.complete(
        first.viewer(),
        firstPlanning,
        "draft-skp",
        SkpDrafts.of(
            Map.of("rhkAtasan", TYPED, "rhk", "Terlayaninya permohonan informasi tepat waktu")));
    people.complete(rater.viewer(), firstPlanning, "review-skp", Map.of("decision", "APPROVE"));
    long firstSkp = awaitApproved(firstPlanning);

    // then the rater's own SKP is approved by their superior
    long raterPlanning = planning(rater, head);
    people.complete(
        rater.viewer(),
        raterPlanning,
        "draft-skp",
        SkpDrafts.of(
            Map.of("rhkAtasan", "Meningkatnya pelayanan publik", "rhk", SERVICE),
            Map.of("rhkAtasan", "Meningkatnya pelayanan publik", "rhk", ARCHIVE)));
    people.complete(head.viewer(), raterPlanning, "review-skp", Map.of("decision", "APPROVE"));
    awaitApproved(raterPlanning);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openFlags(firstSkp) == 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from notification_outbox where recipient_username = :u and type = 'SKP_ALIGNMENT'")
                .param("u", first.username())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // the rater's team page: nobody supports either RHK yet, and the typed one waits to be aligned
    actAs(rater.username());
    page.navigate(url("/team"));
    Locator rhk = page.locator("#alignment-rhk");
    assertThat(rhk.locator("tr", new Locator.LocatorOptions().setHasText(SERVICE)))
        .containsText("Belum didukung siapa pun");
    assertThat(rhk.locator("tr", new Locator.LocatorOptions().setHasText(ARCHIVE)))
        .containsText("Belum didukung siapa pun");
    Locator firstRow = page.locator("#alignment-people tr[data-nip='" + first.nip() + "']");
    assertThat(firstRow).containsText("Mendukung RHK yang tidak ada dalam SKP saya: " + TYPED);
    assertThat(firstRow).containsText("RHK pimpinan ditulis sendiri");
    assertThat(firstRow).containsText("Menunggu diselaraskan pegawai sejak");
    assertThat(page.locator("#alignment-people tr[data-nip='" + second.nip() + "']"))
        .containsText("Belum ada SKP");
    screenshot("alignment-team-flagged");

    // the employee aligns the approved SKP on their page
    actAs(first.username());
    page.navigate(url("/my/skp"));
    Locator form = page.locator(".alignment-form");
    assertThat(form).containsText("Selaraskan SKP dengan SKP penilai");
    assertThat(form).containsText("Sebelumnya: " + TYPED);
    form.locator("select").selectOption(SERVICE);
    screenshot("alignment-my-skp");
    form.getByText("Simpan keselarasan").click();
    assertThat(form).containsText("Keselarasan disimpan.");
    assertThat(openFlags(firstSkp)).isZero();
    assertThat(
            jdbc.sql(
                    "select content -> 'hasilKerja' -> 0 ->> 'rhkAtasan' || '/' || status from skp where id = :id")
                .param("id", firstSkp)
                .query(String.class)
                .single())
        .isEqualTo(SERVICE + "/APPROVED");
    page.navigate(url("/my/skp"));
    page.locator("#my-skps .panel").first().waitFor();
    assertThat(page.locator(".alignment-form")).hasCount(0);

    // and the team page shows who supports the RHK now
    actAs(rater.username());
    page.navigate(url("/team"));
    assertThat(page.locator("#alignment-rhk tr", new Page.LocatorOptions().setHasText(SERVICE)))
        .containsText("Pegawai pertama");
    assertThat(page.locator("#alignment-people tr[data-nip='" + first.nip() + "']"))
        .containsText("Selaras");
    screenshot("alignment-team-aligned");
    assertThat(pageErrors).isEmpty();
  }

  private long openFlags(long skpId) {
    return jdbc.sql(
            "select count(*) from skp_alignment_flag where skp_id = :s and resolved_at is null")
        .param("s", skpId)
        .query(Long.class)
        .single();
  }

  private long planning(Person employee, Person rater) {
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8));
    return Processes.skpPlanning(
        engine, employee.nip(), employee.username(), rater.username(), today);
  }

  private long awaitApproved(long instance) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                jdbc.sql(
                        "select id from skp where process_instance_key = :i and status = 'APPROVED'")
                    .param("i", instance)
                    .query(Long.class)
                    .optional(),
            Optional::isPresent)
        .orElseThrow();
  }
}
