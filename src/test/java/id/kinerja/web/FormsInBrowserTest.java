package id.kinerja.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.development.DevelopmentPlans;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.review.UnitReviews;
import id.kinerja.support.Api;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every Camunda Form in forms/ opens on its task page in Chromium, shows its fields, raises no page
 * error and is submitted once through the rendered form (form-js), as its person would. Each test
 * brings a process to the step that uses the form (earlier steps through the tasklist's service),
 * then the person does the step in the browser. Screenshots: target/screenshots/form-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormsInBrowserTest extends BrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SUBMITTED = new TreeSet<>();

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;
  @Autowired UnitReviews unitReviews;
  @Autowired Organisation organisation;
  @Autowired DevelopmentPlans plans;

  People people;
  final Viewer pengelola = new Viewer("pengelola", List.of("PEGAWAI", "PENGELOLA_KINERJA"));

  // people of an agency of their own, so that no other test finds the tasks this one leaves
  Person decider;
  Person rater;
  Person employee;
  Person peer;
  Viewer raterViewer;
  Viewer employeeViewer;
  Viewer deciderViewer;

  @BeforeAll
  void setUp() {
    people = new People(store, taskService);
    var agency = new TestAgency(jdbc);
    decider = person(agency, "pemutus", "IV/b", null);
    rater = person(agency, "penilai", "IV/a", decider);
    employee = person(agency, "pegawai", "III/a", rater);
    peer = person(agency, "rekan", "III/a", rater);
    raterViewer = rater.viewer();
    employeeViewer = employee.viewer();
    deciderViewer = decider.viewer();
  }

  /** Runs last: every form of forms/ (and every one added later) has had its test above. */
  @Test
  @Order(Integer.MAX_VALUE)
  void everyFormWasSubmittedInTheBrowser() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      assertThat(SUBMITTED)
          .containsExactlyInAnyOrderElementsOf(
              files.map(f -> f.getFileName().toString().replace(".form", "")).toList());
    }
  }

  // planning

  @Test
  void skpDraft() {
    long instance = planning();
    submitted(
        "skp-draft",
        employee.username(),
        people.awaitTask(employeeViewer, instance, "draft-skp"),
        () -> {
          fillField("RHK pimpinan yang diintervensi", "Meningkatnya keterbukaan informasi publik");
          fillField("Rencana hasil kerja (RHK)", "Terlayaninya permohonan informasi tepat waktu");
          fillField("Indikator (indicator)", "Permohonan informasi dijawab dalam 10 hari kerja");
          choose("Aspek (aspect)", "Waktu");
          fillField("Target", "95");
          fillField("Satuan (unit)", "persen");
          // a second, qualitative indicator: a described expected result instead of a target
          page.locator("#task-form .fjs-repeat-render-add").first().click();
          page.getByLabel("Indikator (indicator)").nth(1).fill("Kualitas jawaban atas permohonan");
          choose("Aspek (aspect)", "Kualitas");
          choose("Tipe indikator (indicator type)", "Kualitatif (qualitative)");
          assertThat(page.getByLabel("Target")).hasCount(1); // the qualitative row has none
          fillField("Hasil yang diharapkan", "Jawaban lengkap, jelas dan sesuai peraturan");
        });
    var kept =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.sql(
                            "select i ->> 'tipe' || ': ' || coalesce(i ->> 'target', i ->> 'hasilDiharapkan') from skp,"
                                + " jsonb_array_elements(content -> 'hasilKerja' -> 0 -> 'indikator') i"
                                + " where process_instance_key = :i")
                        .param("i", instance)
                        .query(String.class)
                        .list(),
                rows -> !rows.isEmpty());
    assertThat(kept)
        .containsExactly(
            "KUANTITATIF: 95", "KUALITATIF: Jawaban lengkap, jelas dan sesuai peraturan");
  }

  @Test
  void skpReview() {
    long instance = planning();
    people.complete(employeeViewer, instance, "draft-skp", Api.skp());
    submitted(
        "skp-review",
        rater.username(),
        people.awaitTask(raterViewer, instance, "review-skp"),
        () -> {
          // the rater has no approved SKP: the superior's RHK was typed, and marked so
          assertThat(page.locator("#task-skp")).containsText("ditulis sendiri");
          assertThat(page.locator("#task-form")).containsText("Anda belum memiliki SKP");
          // one row per BerAKHLAK value, named, with its three behaviour guides
          assertThat(page.locator("#task-form")).containsText("Berorientasi Pelayanan");
          assertThat(page.locator("#task-form"))
              .containsText("Memahami dan memenuhi kebutuhan masyarakat");
          assertThat(page.locator("#task-form")).containsText("Kolaboratif");
          assertThat(page.getByLabel("Ekspektasi khusus (expectation)")).hasCount(7);
          Locator akuntabel = page.getByLabel("Ekspektasi khusus (expectation)").nth(1);
          akuntabel.fill("Laporan keuangan seksi tepat waktu dan dapat ditelusuri.");
          akuntabel.blur();
          pick("Keputusan (decision)", "Setujui (approve)");
        });
    // the expectation is kept with its value (Akuntabel, the second)
    Object kept =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.sql(
                            "select content -> 'ekspektasiPerilaku' -> 1 ->> 'nilai' from skp where process_instance_key = :i and status = 'APPROVED'")
                        .param("i", instance)
                        .query(String.class)
                        .optional(),
                Optional::isPresent)
            .get();
    assertThat(kept).isEqualTo("akuntabel");
  }

  // monitoring

  @Test
  void checkin() {
    long instance = monitoring();
    submitted(
        "checkin",
        employee.username(),
        people.awaitTask(employeeViewer, instance, "checkin"),
        () -> {
          // the quantitative indicator with a number, the qualitative one in words
          assertThat(page.getByLabel("Realisasi kumulatif")).hasCount(1);
          assertThat(page.getByLabel("Hasil yang diharapkan (expected result)"))
              .hasValue(Processes.qualitativeIndicator().get("hasilDiharapkan").toString());
          fillField("Realisasi kumulatif", "10");
          fillField("Narasi capaian", "Semua jawaban bulan ini lengkap dan diperiksa atasan.");
        });
  }

  @Test
  void checkinFeedback() {
    long instance = monitoring();
    TaskRow checkin = people.awaitTask(employeeViewer, instance, "checkin");
    taskService.complete(checkin.key(), employeeViewer, Processes.checkin(checkin, 10));
    submitted(
        "checkin-feedback",
        rater.username(),
        people.awaitTask(raterViewer, instance, "feedback"),
        () -> {
          // each indicator as the employee reported it
          Locator form = page.locator("#task-form");
          assertThat(form)
              .containsText(
                  "Permohonan informasi dilayani: realisasi 10 dari target tahunan 120 permohonan");
          assertThat(form)
              .containsText(
                  "Kualitas jawaban atas permohonan informasi (kualitatif, tidak dihitung dalam"
                      + " capaian numerik / not part of the numeric capaian)");
          assertThat(form).containsText("narasi: " + Processes.NARRATIVE);
          fillField("Umpan balik hasil kerja", "Sesuai rencana bulan ini.");
          // feedback per BerAKHLAK value, each row named with its guides
          assertThat(page.locator("#task-form")).containsText("Adaptif");
          assertThat(page.locator("#task-form")).containsText("Bertindak proaktif");
          Locator service = page.getByLabel("Umpan balik (feedback)").first();
          service.fill("Cepat menanggapi permohonan.");
          service.blur();
        });
    assertThat(
            org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () ->
                        jdbc.sql(
                                "select feedback_per_value ->> 0 from monitoring_checkin where employee_nip = :nip and feedback_per_value is not null order by id desc limit 1")
                            .param("nip", employee.nip())
                            .query(String.class)
                            .optional(),
                    Optional::isPresent)
                .get())
        .contains("berorientasiPelayanan", "Cepat menanggapi permohonan.");
  }

  @Test
  void gapCoaching() {
    long instance = monitoring();
    TaskRow checkin = people.awaitTask(employeeViewer, instance, "checkin");
    taskService.complete(
        checkin.key(), employeeViewer, Processes.checkin(checkin, 1)); // far behind plan
    people.complete(
        raterViewer, instance, "feedback", Map.of("feedbackHasilKerja", "Tertinggal jauh."));
    submitted(
        "gap-coaching",
        rater.username(),
        people.awaitTask(raterViewer, instance, "coaching"),
        () -> {
          pick("Bentuk pembinaan (kind)", "Bimbingan oleh atasan (coaching)");
          fillField("Rencana tindak lanjut", "Pendampingan mingguan pelayanan informasi.");
        });
  }

  // coaching

  @Test
  void coachAssign() {
    var agency = new TestAgency(jdbc);
    Person top = person(agency, "puncak", "IV/e", null); // nobody above, no certified coach
    Person junior = person(agency, "muda", "III/a", top);
    long instance = coaching(top, null);
    submitted(
        "coach-assign",
        "pengelola",
        people.awaitTask(pengelola, instance, "assign-coach-manually"),
        () -> {
          fillField("Nama pengguna pembina", junior.username());
          choose("Jenis pembinaan (kind)", "Bimbingan (coaching)");
        });
  }

  @Test
  void coachingSession() {
    var agency = new TestAgency(jdbc);
    Person rater = person(agency, "pembina", "IV/a", null);
    Person employee = person(agency, "dibina", "III/a", rater);
    long instance = coaching(employee, rater);
    submitted(
        "coaching-session",
        rater.username(),
        people.awaitTask(rater.viewer(), instance, "coaching-session"),
        () -> {
          fillField("Catatan sesi (notes)", "Membahas capaian dan hambatan bulan ini.");
          choose("Hasil (outcome)", "Pelatihan (training)");
          // last: the date picker's calendar opens over the fields below it
          Locator date = page.getByLabel("Tanggal sesi (session date)");
          date.fill("2/10/2027");
          date.press("Enter");
          page.locator("#task-form h3, #task-form h2").first().click(); // the calendar closes
          assertThat(page.getByLabel("Catatan sesi (notes)"))
              .hasValue("Membahas capaian dan hambatan bulan ini.");
        });
  }

  @Test
  void coachingFollowUp() {
    var agency = new TestAgency(jdbc);
    Person rater = person(agency, "pembina", "IV/a", null);
    Person employee = person(agency, "dibina", "III/a", rater);
    long instance = coaching(employee, rater);
    people.complete(
        rater.viewer(),
        instance,
        "coaching-session",
        Map.of(
            "sessionDate",
            "2027-02-10",
            "sessionNotes",
            "Kinerja tidak membaik",
            "outcome",
            "TRANSFER_PROPOSAL"));
    submitted(
        "coaching-follow-up",
        "pengelola",
        people.awaitTask(pengelola, instance, "follow-up"),
        () -> fillField("Tindak lanjut (follow-up)", "Diteruskan ke Badan Kepegawaian Daerah."));
  }

  // development plan

  @Test
  void developmentPlanDraftAndReview() {
    var agency = new TestAgency(jdbc);
    Person rater = person(agency, "penilai", "IV/a", null);
    Person employee = person(agency, "pegawai", "III/a", rater);
    long instance = developmentPlan(employee, rater);
    submitted(
        "development-plan-draft",
        employee.username(),
        people.awaitTask(employee.viewer(), instance, "draft-plan"),
        () -> {
          assertThat(page.locator("#task-form")).containsText("kesenjangan capaian");
          fillField("Tujuan pengembangan (goals)", "Menjawab permohonan informasi tepat waktu.");
          fillField("Langkah yang akan dilakukan (actions)", "Daftar periksa harian, umpan balik.");
          fillField("Dukungan yang dibutuhkan (support needed)", "Pelatihan arsip digital.");
          // last: the date picker's calendar opens over the fields below it
          Locator date = page.getByLabel("Target selesai (target date)");
          date.fill("30/6/2027"); // day first, as the Indonesian date picker reads it
          date.press("Enter");
          page.locator("#task-form h3, #task-form h2").first().click();
        });
    submitted(
        "development-plan-review",
        rater.username(),
        people.awaitTask(rater.viewer(), instance, "review-plan"),
        () -> {
          assertThat(page.locator("#task-form"))
              .containsText("Menjawab permohonan informasi tepat waktu.");
          assertThat(page.locator("#task-form"))
              .containsText("Target selesai (target date): 2027-06-30");
          pick("Keputusan (decision)", "Kembalikan untuk diperbaiki (return)");
          fillField("Catatan untuk pegawai (note)", "Tambahkan target bulanan yang terukur.");
        });
    // the returned plan is back with the employee, the rater's note shown
    actAs(employee.username());
    page.navigate(
        url("/tasks/" + people.awaitTask(employee.viewer(), instance, "draft-plan").key()));
    assertThat(page.locator("#task-form")).containsText("Tambahkan target bulanan yang terukur.");
    assertThat(page.getByLabel("Tujuan pengembangan (goals)"))
        .hasValue("Menjawab permohonan informasi tepat waktu.");
    screenshot("form-development-plan-draft-returned");
    page.navigate("about:blank");
  }

  // 360-degree feedback

  @Test
  void feedbackRespondents() {
    long instance = feedbackRound();
    submitted(
        "feedback-respondents",
        rater.username(),
        people.awaitTask(raterViewer, instance, "choose-respondents"),
        () -> page.locator(".fjs-form-field-checklist input[type=checkbox]").first().check());
  }

  @Test
  void feedback360() {
    long instance = feedbackRound();
    TaskRow choose = people.awaitTask(raterViewer, instance, "choose-respondents");
    @SuppressWarnings("unchecked")
    var options = (List<Map<String, Object>>) choose.variables().get("respondentOptions");
    String respondent = options.get(0).get("value").toString();
    taskService.complete(choose.key(), raterViewer, Map.of("respondents", List.of(respondent)));
    submitted(
        "feedback-360",
        respondent,
        people.awaitTask(new Viewer(respondent, List.of("PEGAWAI")), instance, "answer"),
        () -> {
          for (String value :
              List.of(
                  "Berorientasi Pelayanan",
                  "Akuntabel",
                  "Kompeten",
                  "Harmonis",
                  "Loyal",
                  "Adaptif",
                  "Kolaboratif")) {
            fillField(value, "4");
          }
          // each question with its value's three behaviour guides
          assertThat(page.locator("#task-form"))
              .containsText("Tidak menyalahgunakan kewenangan jabatan");
        });
  }

  // unit review: the head of a section is rated by the section's predikat, the staff by the head

  @Test
  void unitPredikatRatingAndCalibration() {
    var agency = new TestAgency(jdbc);
    Person kadis = person(agency, "kadis", "IV/c", null);
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", kadis.id())
        .param("unit", agency.root())
        .update();
    long section = agency.unit("SEKSI", agency.root());
    Person kasi = agency.withDemoPassword(agency.person("kasi", "III/d", kadis, section));
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", kasi.id())
        .param("unit", section)
        .update();
    Person staf = agency.withDemoPassword(agency.person("staf", "III/a", kasi, section));
    String unitCode =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", section)
            .query(String.class)
            .single();
    int year = LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8)).getYear();
    // the staff member's approved SKP: the self-assessment asks about each of its RHKs
    jdbc.sql(
            """
            insert into skp (employee_nip, period_year, process_instance_key, status, content)
            values (:nip, :year, :key, 'APPROVED', cast(:content as jsonb))""")
        .param("nip", staf.nip())
        .param("year", year)
        .param("key", -System.nanoTime())
        .param(
            "content",
            """
            {"hasilKerja": [{"jenis": "UTAMA", "rhk": "Terlayaninya permohonan informasi publik"},
                            {"jenis": "UTAMA", "rhk": "Tersusunnya laporan layanan bulanan"}]}""")
        .update();
    // its tasks and those of the employee reviews it calls
    Predicate<TaskRow> review =
        Processes.unitReview(engine, unitReviews, unitCode, year, "ANNUAL", false);

    submitted(
        "unit-predikat",
        kasi.username(),
        people.awaitTask(kasi.viewer(), review, "set-unit-predikat"),
        () -> pick("Predikat kinerja organisasi", "Baik (good)"));

    // before the rating each employee assesses themselves: per RHK of their SKP and per value
    submitted(
        "self-assessment",
        staf.username(),
        people.awaitTask(staf.viewer(), review, "self-assess"),
        () -> {
          Locator rhk = page.getByLabel("RHK", new Page.GetByLabelOptions().setExact(true));
          assertThat(rhk.nth(0)).hasValue("Terlayaninya permohonan informasi publik");
          assertThat(rhk.nth(1)).hasValue("Tersusunnya laporan layanan bulanan");
          assertThat(page.locator("#task-form")).containsText("Kolaboratif");
          Locator selfRatings =
              page.locator(
                  ".fjs-form-field-select",
                  new Page.LocatorOptions().setHasText("Penilaian diri (self-rating)"));
          assertThat(selfRatings).hasCount(2 + 7);
          for (int i = 0; i < 2 + 7; i++) {
            selfRatings.nth(i).locator(".fjs-select-display").click();
            page.locator(
                    ".fjs-dropdownlist-item",
                    new Page.LocatorOptions()
                        .setHasText(i == 0 ? "Di atas ekspektasi" : "Sesuai ekspektasi"))
                .first()
                .click();
          }
          fillField("Catatan, opsional", "Semua permohonan dijawab dalam lima hari kerja");
          fillField(
              "Narasi singkat", "Layanan informasi tepat waktu; laporan Juni terlambat dua hari.");
        });
    people.selfAssess(kasi.viewer(), review);

    // the head of the section: hasil kerja follows the section's predikat, the rater sets perilaku
    TaskRow headRating = awaitRating(kadis.viewer(), review, kasi.nip());
    submitted(
        "rating",
        kadis.username(),
        headRating,
        () -> {
          assertThat(page.locator("#task-form")).containsText("Pimpinan unit");
          assertThat(page.locator("#task-form")).containsText("Baik");
          assertThat(page.locator("#task-form").getByText("Rating hasil kerja (work results)"))
              .isHidden();
          assertThat(page.locator("#task-form")).containsText("Harmonis");
          assertThat(page.locator("#task-form")).containsText("Membangun lingkungan kerja");
          pick("Rating perilaku kerja", "Sesuai ekspektasi (as expected)");
        });
    // the rater sees the self-assessment on the rating task
    submitted(
        "rating",
        kasi.username(),
        awaitRating(kasi.viewer(), review, staf.nip()),
        () -> {
          Locator form = page.locator("#task-form");
          assertThat(form).containsText("Penilaian diri disampaikan pegawai.");
          assertThat(form)
              .containsText("Terlayaninya permohonan informasi publik: Di atas ekspektasi");
          assertThat(form).containsText("Semua permohonan dijawab dalam lima hari kerja");
          assertThat(form).containsText("Kolaboratif: Sesuai ekspektasi");
          assertThat(form).containsText("laporan Juni terlambat dua hari");
          // the picture above the form, without the public's part (nobody answered about the unit)
          Locator picture = page.locator("#task-picture");
          assertThat(picture).containsText("Umpan balik 360");
          assertThat(picture.locator("#picture-public")).hasCount(0);
          assertThat(picture).not().containsText("null");
          screenshot("rating-shows-self-assessment");
          pick("Rating hasil kerja", "Sesuai ekspektasi (as expected)");
          pick("Rating perilaku kerja", "Sesuai ekspektasi (as expected)");
        });

    // two people rated Baik break the BAIK curve (at most 70%, at least one below Baik)
    submitted(
        "calibration",
        "pengelola",
        people.awaitTask(pengelola, review, "calibrate"),
        () -> {
          assertThat(page.locator("#task-form")).containsText("Predikat Baik paling banyak 70%");
          pick("Tindakan (action)", "Tetapkan dengan justifikasi (finalise with justification)");
          fillField(
              "Justifikasi tertulis",
              "Seksi dua orang dengan kinerja merata; disepakati pimpinan.");
        });
  }

  // appeal

  @Test
  void appealExplanationDecisionAndTheEmployeesExplanation() {
    long instance = appeal(clock.now());
    submitted(
        "appeal-explanation",
        rater.username(),
        people.awaitTask(raterViewer, instance, "explain"),
        () -> fillField("Penjelasan penilai", "Penilaian sesuai bukti dukung yang ada."));
    submitted(
        "appeal-decision",
        decider.username(),
        people.awaitTask(deciderViewer, instance, "decide"),
        () -> {
          assertThat(page.getByLabel("Penjelasan penilai (the rater's explanation)"))
              .hasValue("Penilaian sesuai bukti dukung yang ada.");
          pick("Keputusan (decision)", "Minta penjelasan pegawai dulu (ask the employee first)");
          fillField("Pertanyaan untuk pegawai", "Mohon lampirkan bukti realisasi triwulan IV.");
        });
    submitted(
        "appeal-employee-explanation",
        employee.username(),
        people.awaitTask(employeeViewer, instance, "employee-explain"),
        () -> {
          assertThat(page.getByLabel("Pertanyaan atasan pejabat penilai (the question)"))
              .hasValue("Mohon lampirkan bukti realisasi triwulan IV.");
          fillField("Penjelasan Anda", "Bukti realisasi triwulan IV terlampir di check-in.");
        });
    // back with the decider, who now sees the employee's explanation
    TaskRow again = people.awaitTask(deciderViewer, instance, "decide");
    assertThat(again.variables()).containsKey("employeeExplanation");
  }

  @Test
  void appealEscalation() {
    // filed 15 days ago: the decision is overdue at once (the SLA counts from the filing)
    long instance = appeal(clock.now().minus(Duration.ofDays(15)));
    people.complete(
        raterViewer, instance, "explain", Map.of("explanation", "Sesuai bukti dukung."));
    people.awaitTask(deciderViewer, instance, "decide");
    submitted(
        "appeal-escalation",
        "pengelola",
        people.awaitTask(pengelola, instance, "follow-up-overdue"),
        () -> {
          assertThat(page.getByText("Nama pengguna pejabat pemutus baru")).isHidden();
          pick("Tindakan (action)", "Alihkan kepada pejabat lain (hand to another official)");
          fillField("Nama pengguna pejabat pemutus baru", peer.username());
          fillField("Catatan tindak lanjut", "Atasan pejabat penilai sedang cuti panjang.");
        });
    // the decision is now with the official the Pengelola Kinerja named
    assertThat(people.awaitTask(peer.viewer(), instance, "decide").variables())
        .containsEntry("deciderUsername", peer.username());
  }

  // improvement period

  @Test
  void improvementReviewAndFollowUp() {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeName", "Pegawai uji");
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater.username());
    variables.put("periodYear", 2031);
    variables.put("finalPredikat", "BUTUH_PERBAIKAN");
    variables.put("improvementPeriod", "PT1S");
    long instance = engine.startProcess("improvement-period", variables);
    submitted(
        "improvement-review",
        rater.username(),
        people.awaitTask(raterViewer, instance, "review-improvement"),
        () -> {
          assertThat(page.locator("#task-form")).containsText("Butuh Perbaikan");
          pick("Hasil masa perbaikan", "Belum membaik (not improved)");
          fillField("Catatan dan bukti", "Target triwulan belum tercapai.");
        });
    submitted(
        "improvement-follow-up",
        "pengelola",
        people.awaitTask(pengelola, instance, "follow-up"),
        () -> {
          choose("Tindak lanjut (action)", "Pelatihan (training)");
          fillField("Pertimbangan", "Pelatihan pelayanan informasi publik.");
        });
  }

  /**
   * Opens the task on its page as its person, checks that the form shows its fields and that no
   * page error happened, fills it and submits it once.
   */
  private void submitted(String formId, String user, TaskRow task, Runnable fill) {
    actAs(user);
    pageErrors.clear();
    page.navigate(url("/tasks/" + task.key()));
    try {
      page.locator("#task-submit").waitFor(); // shown once form-js rendered the form
    } catch (TimeoutError e) {
      screenshot("form-" + formId + "-not-rendered");
      throw new AssertionError(
          "The "
              + formId
              + " form did not render: "
              + page.locator("#task-messages").innerText()
              + " "
              + pageErrors,
          e);
    }
    assertFieldsShown(formId);
    fill.run();
    screenshot("form-" + formId);
    try {
      submit();
    } catch (AssertionError refused) {
      screenshot("form-" + formId + "-refused");
      throw refused;
    }
    page.navigate("about:blank"); // before the page goes back to the list by itself
    assertThat(pageErrors).as("page errors on the " + formId + " form").isEmpty();
    SUBMITTED.add(formId);
  }

  /** The heading of the form's text and the label of every field not hidden by a condition. */
  private void assertFieldsShown(String formId) {
    JsonNode schema;
    try {
      schema = JSON.readTree(Path.of("forms", formId + ".form").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Locator form = page.locator("#task-form");
    for (JsonNode component : schema.path("components")) {
      if (component.has("conditional")) {
        continue;
      }
      String label = component.path("label").asText(component.path("dateLabel").asText(""));
      if ("text".equals(component.path("type").asText())) {
        String heading = component.path("text").asText().split("\n")[0].replaceFirst("^#+ ", "");
        label = heading.contains("{{") ? heading.substring(0, heading.indexOf("{{")) : heading;
      }
      if (!label.isBlank()) {
        assertThat(form.getByText(label.strip()).first()).isVisible();
      }
    }
  }

  /** A radio option of the field with this label. */
  private void pick(String fieldLabel, String option) {
    page.locator(".fjs-form-field", new Page.LocatorOptions().setHasText(fieldLabel))
        .last()
        .getByLabel(option)
        .check();
  }

  private long planning() {
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8));
    return Processes.skpPlanning(
        engine, employee.nip(), employee.username(), rater.username(), today);
  }

  /**
   * Last year's monitoring of a quantitative and a qualitative indicator: its January check-in is
   * due at once, without moving the clock.
   */
  private long monitoring() {
    return Processes.monitoring(
        engine,
        employee.nip(),
        employee.username(),
        rater.username(),
        LocalDate.ofInstant(clock.now(), ZoneOffset.ofHours(8)).getYear() - 1,
        List.of(Processes.quantitativeIndicator(), Processes.qualitativeIndicator()));
  }

  private long coaching(Person employee, Person rater) {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater == null ? null : rater.username());
    variables.put("reason", "GAP");
    return engine.startProcess("coaching", variables);
  }

  private long developmentPlan(Person employee, Person rater) {
    String key = "forms-test:" + UUID.randomUUID();
    plans.start(
        new DevelopmentPlans.Request(
            key,
            employee.nip(),
            "Pegawai uji",
            employee.username(),
            rater.username(),
            2027,
            "GAP",
            "kesenjangan capaian terhadap target"));
    return jdbc.sql("select process_instance_key from development_plan where event_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private long feedbackRound() {
    return engine.startProcess(
        "feedback-360",
        Map.of(
            "employeeNip",
            employee.nip(),
            "employeeName",
            "Pegawai uji",
            "raterUsername",
            rater.username(),
            "periodYear",
            2031));
  }

  private long appeal(Instant filedAt) {
    return Processes.appeal(
        engine,
        jdbc,
        new Processes.Parties(
            employee.nip(), employee.username(), rater.nip(), rater.username(), decider.username()),
        filedAt);
  }

  private TaskRow awaitRating(Viewer rater, Predicate<TaskRow> review, String nip) {
    return people.awaitTask(
        rater, review.and(t -> nip.equals(t.variables().get("employeeNip"))), "rate");
  }

  /** A person of a test agency who signs in with the demo password. */
  private Person person(TestAgency agency, String key, String grade, Person superior) {
    return agency.withDemoPassword(agency.person(key, grade, superior));
  }
}
