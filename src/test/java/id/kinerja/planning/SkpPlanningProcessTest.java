package id.kinerja.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.kinerja.engine.Engine;
import id.kinerja.planning.SkpRecords.Round;
import id.kinerja.planning.SkpRecords.Skp;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.TaskProblem;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** processes/skp-planning.bpmn, its forms and workers, driven through the tasklist. */
class SkpPlanningProcessTest extends IntegrationTest {

  static final String NIP = "199001152015031001";

  @Autowired Engine engine;
  @Autowired SkpRecords skps;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired MessageSource messages;
  People people;

  // a real user: when the deadline passes the process tells the employee, which needs a known
  // address
  final Viewer employee = new Viewer("pegawai1", List.of("PEGAWAI"));
  final Viewer rater = People.person("atasan", "PEGAWAI");
  @Autowired ContextEngine clock;
  int periodYear;
  LocalDate today;

  /**
   * The year runs already and the SKP is needed from today on (a year opened late, or a new post):
   * the first draft is due 14 days from now. The shared engine clock then moves by two weeks only;
   * the January deadlines are walked in {@code PlanningInTheCalendarTest} with a clock of its own.
   */
  @BeforeEach
  void setUp() {
    people = new People(store, taskService);
    today = LocalDate.ofInstant(clock.now(), ZoneId.of("+08:00"));
    periodYear = today.getYear();
  }

  @Test
  void theRaterApprovesTheFirstDraft() {
    long instance = start();

    people.complete(
        employee, instance, "draft-skp", skp("Tersedianya layanan informasi publik yang akurat"));
    people.complete(rater, instance, "review-skp", Map.of("decision", "APPROVE"));

    Skp skp = awaitStatus(instance, "APPROVED");
    assertThat(skp.approvedBy()).isEqualTo(rater.username());
    assertThat(skp.approach()).isEqualTo("KUANTITATIF");
    assertThat(skp.content().at("/hasilKerja/0/rhk").asText())
        .isEqualTo("Tersedianya layanan informasi publik yang akurat");
    assertThat(skps.rounds(skp.id()))
        .extracting(Round::kind, Round::actor, Round::decision)
        .containsExactly(
            Tuple.tuple("DRAFT", employee.username(), null),
            Tuple.tuple("REVIEW", rater.username(), "APPROVE"));
  }

  @Test
  void returnedTwiceThenApprovedKeepsEveryRoundAndShowsTheNotes() {
    long instance = start();
    people.complete(employee, instance, "draft-skp", skp("Versi pertama rencana hasil kerja"));

    for (String notes : List.of("Target belum terukur", "Tambahkan indikator waktu")) {
      people.complete(
          rater, instance, "review-skp", Map.of("decision", "RETURN", "reviewNotes", notes));
      TaskRow again = people.awaitTask(employee, instance, "revise-skp");
      assertThat(again.variables()).containsEntry("reviewNotes", notes);
      assertThat(awaitStatus(instance, "RETURNED").status()).isEqualTo("RETURNED");
      people.complete(employee, instance, "revise-skp", skp("Perbaikan: " + notes));
    }
    people.complete(rater, instance, "review-skp", Map.of("decision", "APPROVE"));

    Skp skp = awaitStatus(instance, "APPROVED");
    assertThat(skps.rounds(skp.id()))
        .extracting(Round::notes)
        .containsExactly(
            null, "Target belum terukur", null, "Tambahkan indikator waktu", null, null);
    assertThat(skp.content().at("/hasilKerja/0/rhk").asText())
        .isEqualTo("Perbaikan: Tambahkan indikator waktu");
  }

  @Test
  void nothingDraftedWithinTheGracePeriodIsDraftedByThePengelolaKinerja() {
    long instance = start();
    TaskRow draft = people.awaitTask(employee, instance, "draft-skp");
    assertThat(draft.dueDate())
        .isEqualTo(today.plusDays(14).atStartOfDay(ZoneId.of("+08:00")).toInstant());

    clock.advance(Duration.between(clock.now(), draft.dueDate().plus(Duration.ofHours(1))));

    Viewer officer = People.person("pengelola", "PEGAWAI", "PENGELOLA_KINERJA");
    people.complete(
        officer,
        instance,
        "draft-skp-by-officer",
        skp("Disusun oleh Pengelola Kinerja untuk pegawai"));
    people.complete(rater, instance, "review-skp", Map.of("decision", "APPROVE"));

    Skp skp = awaitStatus(instance, "APPROVED");
    assertThat(skps.rounds(skp.id()).getFirst().actor()).isEqualTo(officer.username());
    // the employee was reminded 3 days before and told when the draft went to the Pengelola Kinerja
    assertThat(
            jdbc.sql(
                    "select type from notification_outbox where recipient_username = 'pegawai1' and event_key like ?")
                .param(instance + ":%")
                .query(String.class)
                .list())
        .contains("DEADLINE_NEAR", "DEADLINE_PASSED");
  }

  @Test
  void anSkpWithoutAUtamaResultIsRefused() {
    long instance = start();
    TaskRow draft = people.awaitTask(employee, instance, "draft-skp");
    Map<String, Object> onlyTambahan =
        Map.of(
            "approach",
            "KUANTITATIF",
            "hasilKerja",
            List.of(result("TAMBAHAN", "Membantu kegiatan hari jadi kota")));

    assertThatThrownBy(() -> taskService.complete(draft.key(), employee, onlyTambahan))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("skpNeedsUtama"));
  }

  @Test
  void eachIndicatorIsPlannedAsItsTypeNeeds() {
    long instance = start();
    TaskRow draft = people.awaitTask(employee, instance, "draft-skp");
    Map<String, Object> noTarget =
        Map.of("iki", "Jumlah permohonan dilayani", "aspek", "KUANTITAS", "tipe", "KUANTITATIF");
    Map<String, Object> noExpectation =
        Map.of("iki", "Kualitas jawaban", "aspek", "KUALITAS", "tipe", "KUALITATIF");

    assertThatThrownBy(
            () -> taskService.complete(draft.key(), employee, skp(noTarget, noExpectation)))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::field, FieldError::code, FieldError::argument)
                    .containsExactly(
                        Tuple.tuple(
                            "hasilKerja[0].indikator[0].target",
                            "quantitativeNeedsTarget",
                            "Jumlah permohonan dilayani"),
                        Tuple.tuple(
                            "hasilKerja[0].indikator[0].satuan",
                            "quantitativeNeedsUnit",
                            "Jumlah permohonan dilayani"),
                        Tuple.tuple(
                            "hasilKerja[0].indikator[1].hasilDiharapkan",
                            "qualitativeNeedsExpectation",
                            "Kualitas jawaban")));
    // the messages name the indicator, in the caller's language
    assertThat(
            messages.getMessage(
                "tasklist.validation.qualitativeNeedsExpectation",
                new Object[] {"Kualitas jawaban"},
                Locale.forLanguageTag("id")))
        .isEqualTo(
            "Indikator 'Kualitas jawaban' bertipe kualitatif dan memerlukan uraian hasil yang"
                + " diharapkan, bukan target angka.");
    assertThat(
            messages.getMessage(
                "tasklist.validation.quantitativeNeedsTarget",
                new Object[] {"Jumlah permohonan dilayani"},
                Locale.ENGLISH))
        .isEqualTo(
            "Indicator 'Jumlah permohonan dilayani' is quantitative and needs a numeric target.");

    // a qualitative indicator with a numeric target: the form hides the target for it
    Map<String, Object> qualitativeWithTarget =
        Map.of(
            "iki", "Kualitas jawaban",
            "aspek", "KUALITAS",
            "tipe", "KUALITATIF",
            "hasilDiharapkan", "Jawaban lengkap dan jelas",
            "target", 100);
    assertThatThrownBy(
            () -> taskService.complete(draft.key(), employee, skp(qualitativeWithTarget)))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(Tuple.tuple("hasilKerja[0].indikator[0].target", "hidden")));

    Map<String, Object> qualitative =
        Map.of(
            "iki", "Kualitas jawaban",
            "aspek", "KUALITAS",
            "tipe", "KUALITATIF",
            "hasilDiharapkan", "Jawaban lengkap dan jelas");
    Map<String, Object> quantitative =
        Map.of(
            "iki", "Jumlah permohonan dilayani",
            "aspek", "KUANTITAS",
            "tipe", "KUANTITATIF",
            "target", 120,
            "satuan", "permohonan");
    taskService.complete(draft.key(), employee, skp(quantitative, qualitative));
    Skp submitted = awaitStatus(instance, "SUBMITTED");
    assertThat(submitted.content().at("/hasilKerja/0/indikator/1/tipe").asText())
        .isEqualTo("KUALITATIF");
    assertThat(submitted.content().at("/hasilKerja/0/indikator/1/hasilDiharapkan").asText())
        .isEqualTo("Jawaban lengkap dan jelas");
  }

  @SafeVarargs
  private static Map<String, Object> skp(Map<String, Object>... indicators) {
    return Map.of(
        "approach",
        "KUANTITATIF",
        "hasilKerja",
        List.of(
            Map.of(
                "jenis",
                "UTAMA",
                "rhkAtasan",
                "Meningkatnya kualitas layanan informasi publik",
                "rhk",
                "Terlayaninya permohonan informasi publik",
                "indikator",
                List.of(indicators))));
  }

  private long start() {
    return engine.startProcess(
        "skp-planning",
        Map.of(
            "employeeNip",
            NIP,
            "employeeUsername",
            employee.username(),
            "raterUsername",
            rater.username(),
            "periodYear",
            periodYear,
            "postStartedOn",
            today.toString(),
            "zoneOffset",
            "+08:00"));
  }

  private Skp awaitStatus(long instance, String status) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () -> skps.byInstance(instance).filter(s -> s.status().equals(status)),
            Optional::isPresent)
        .orElseThrow();
  }

  static Map<String, Object> skp(String rhk) {
    return Map.of("approach", "KUANTITATIF", "hasilKerja", List.of(result("UTAMA", rhk)));
  }

  static Map<String, Object> result(String jenis, String rhk) {
    return Map.of(
        "jenis",
        jenis,
        "rhkAtasan",
        "Meningkatnya kualitas layanan informasi publik",
        "rhk",
        rhk,
        "indikator",
        List.of(
            Map.of(
                "iki",
                "Jumlah permohonan informasi dilayani",
                "aspek",
                "KUANTITAS",
                "target",
                120,
                "satuan",
                "permohonan")));
  }
}
