package id.kinerja.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.kinerja.engine.Engine;
import id.kinerja.support.Cancellations;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.GroupTasks;
import id.kinerja.support.IntegrationTest;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.TaskRow.TaskState;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tasklist collects the SKP planning tasks of processes/ and lets only the right people act.
 */
class TasklistTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired TaskReconciler reconciler;

  // a real user: when the deadline passes the process tells the employee, which needs a known
  // address
  final String employee = "pegawai1";
  final String rater = "atasan-" + UUID.randomUUID().toString().substring(0, 8);
  final Viewer employeeViewer = new Viewer(employee, List.of("PEGAWAI"));
  final Viewer raterViewer = new Viewer(rater, List.of("PEGAWAI"));
  @Autowired ContextEngine clock;
  int periodYear;
  LocalDate today;

  /**
   * The SKP of a year that runs already is needed from today: its first draft is due (and
   * escalated) 14 days from now, so the shared engine clock moves by two weeks only.
   */
  @BeforeEach
  void thisYear() {
    today = LocalDate.ofInstant(clock.now(), ZoneId.of("+08:00"));
    periodYear = today.getYear();
  }

  @Test
  void aNewTaskAppearsForItsAssigneeWithNameDueDateAndForm() {
    long instance = startPlanning();

    TaskRow draft = awaitOpenTask(employeeViewer, instance, "draft-skp");

    assertThat(draft.name()).isEqualTo("Susun SKP");
    assertThat(draft.assignee()).isEqualTo(employee);
    // the first draft is due when it would be escalated: 14 days after the SKP was needed
    assertThat(draft.dueDate())
        .isEqualTo(today.plusDays(14).atStartOfDay(ZoneId.of("+08:00")).toInstant());
    assertThat(draft.periodYear()).isEqualTo(periodYear);
    assertThat(store.search(query(TaskQuery.View.MINE), raterViewer).items())
        .noneMatch(t -> t.key() == draft.key());
    assertThatThrownBy(() -> tasks.visibleTask(draft.key(), raterViewer))
        .isInstanceOfSatisfying(
            TaskProblem.class, p -> assertThat(p.code()).isEqualTo("tasklist.error.forbidden"));
  }

  @Test
  void anInvalidSubmissionIsRefusedFieldByFieldAndAValidOneMovesTheProcessOn() {
    long instance = startPlanning();
    TaskRow draft = awaitOpenTask(employeeViewer, instance, "draft-skp");

    Map<String, Object> invalid =
        Map.of(
            "approach",
            "SEMBARANG",
            "hasilKerja",
            List.of(
                Map.of(
                    "jenis",
                    "UTAMA",
                    "rhk",
                    "pendek",
                    "indikator",
                    List.of(
                        Map.of(
                            "iki",
                            "Jumlah layanan",
                            "aspek",
                            "KUANTITAS",
                            "target",
                            -1,
                            "satuan",
                            "layanan")))));
    assertThatThrownBy(() -> tasks.complete(draft.key(), employeeViewer, invalid))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        Tuple.tuple("approach", "choice"),
                        Tuple.tuple("hasilKerja[0].rhkAtasan", "required"),
                        Tuple.tuple("hasilKerja[0].rhk", "minLength"),
                        Tuple.tuple("hasilKerja[0].indikator[0].target", "min")));
    assertThat(store.find(draft.key()).orElseThrow().state()).isEqualTo(TaskState.OPEN);

    tasks.complete(draft.key(), employeeViewer, validSkp());

    assertThat(store.find(draft.key()).orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
    TaskRow review = awaitOpenTask(raterViewer, instance, "review-skp");
    assertThat(review.variables()).containsEntry("approach", "KUANTITATIF");
  }

  @Test
  void aSubmissionSetsOnlyWhatItsFormOffersAndNeverWhoActsNext() {
    long instance = startPlanning();
    TaskRow draft = awaitOpenTask(employeeViewer, instance, "draft-skp");
    var hostile = new HashMap<String, Object>(validSkp());
    hostile.put("raterUsername", employee); // approve my own SKP
    hostile.put("completedBy", "admin");
    hostile.put("skorTambahan", 100);

    assertThatThrownBy(() -> tasks.complete(draft.key(), employeeViewer, hostile))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        Tuple.tuple("raterUsername", "steering"),
                        Tuple.tuple("completedBy", "steering"),
                        Tuple.tuple("skorTambahan", "unknown")));
    assertThat(store.find(draft.key()).orElseThrow().state()).isEqualTo(TaskState.OPEN);

    tasks.complete(draft.key(), employeeViewer, validSkp());
    TaskRow review = awaitOpenTask(raterViewer, instance, "review-skp");
    assertThat(review.assignee()).isEqualTo(rater);
    assertThat(review.variables()).containsEntry("completedBy", employee);
    assertThat(review.variables()).doesNotContainKey("skorTambahan");
  }

  @Test
  void aTaskATimerEndedLeavesTheListAndCompletingItSaysSoClearly() {
    long instance = startPlanning();
    TaskRow draft = awaitOpenTask(employeeViewer, instance, "draft-skp");

    // nothing drafted in time: the process escalates to the Pengelola Kinerja
    passTheDraftDeadline(draft);

    // the engine's cancellation reaches the lists within seconds (the step after it is a job of
    // this application, which makes the tasklist look), measured from the engine's own record
    assertThat(
            Cancellations.delay(clock, store, draft.key(), "timer: draft escalated (TasklistTest)"))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(store.search(query(TaskQuery.View.ALL), employeeViewer).items())
        .noneMatch(t -> t.key() == draft.key());

    assertThatThrownBy(() -> tasks.complete(draft.key(), employeeViewer, validSkp()))
        .isInstanceOfSatisfying(
            TaskProblem.class, p -> assertThat(p.code()).isEqualTo("tasklist.error.gone"));
    assertThat(store.find(draft.key()).orElseThrow().state()).isEqualTo(TaskState.CANCELED);

    Viewer officer = new Viewer("pengelola-" + employee, List.of("PEGAWAI", "PENGELOLA_KINERJA"));
    TaskRow escalated = awaitOpenTask(officer, instance, "draft-skp-by-officer");
    assertThat(escalated.assignee()).isNull();
    assertThat(escalated.candidateGroups()).containsExactly("PENGELOLA_KINERJA");

    Viewer otherOfficer = new Viewer("pengelola-lain", List.of("PENGELOLA_KINERJA"));
    tasks.claim(escalated.key(), officer);
    assertThatThrownBy(() -> tasks.claim(escalated.key(), otherOfficer))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p -> assertThat(p.code()).isEqualTo("tasklist.error.assignedToOther"));
    tasks.unclaim(escalated.key(), officer);
    assertThat(tasks.claim(escalated.key(), otherOfficer).assignee()).isEqualTo("pengelola-lain");
  }

  @Test
  void theReconcilerNoticesATaskATimerEndedWithoutAnyoneTouchingIt() {
    long instance = startPlanning();
    TaskRow draft = awaitOpenTask(employeeViewer, instance, "draft-skp");
    assertThat(reconciler.confirm(draft.key())).isTrue();

    passTheDraftDeadline(draft);

    assertThat(reconciler.confirm(draft.key())).isFalse();
    assertThat(store.find(draft.key()).orElseThrow().state()).isEqualTo(TaskState.CANCELED);
    assertThat(store.search(query(TaskQuery.View.ALL), employeeViewer).items())
        .noneMatch(t -> t.key() == draft.key());
  }

  private void passTheDraftDeadline(TaskRow draft) {
    clock.advance(Duration.between(clock.now(), draft.dueDate().plus(Duration.ofHours(1))));
  }

  private long startPlanning() {
    return engine.startProcess(
        "skp-planning",
        Map.of(
            "employeeUsername",
            employee,
            "raterUsername",
            rater,
            "periodYear",
            periodYear,
            "postStartedOn",
            today.toString(),
            "employeeNip",
            "198503302010011002"));
  }

  private TaskRow awaitOpenTask(Viewer viewer, long instance, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                store.search(query(TaskQuery.View.ALL), viewer).items().stream()
                    .filter(t -> t.processInstanceKey() == instance)
                    .filter(t -> t.elementId().equals(elementId))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void aPageCountsTheWholeListAndAPagePastTheEndIsEmptyButCounted() {
    Viewer newcomer = id.kinerja.support.People.person("pemula", "PEGAWAI");
    for (int i = 0; i < 2; i++) {
      long instance =
          engine.startProcess(
              "skp-planning",
              Map.of(
                  "employeeUsername",
                  newcomer.username(),
                  "raterUsername",
                  rater,
                  "periodYear",
                  periodYear,
                  "postStartedOn",
                  today.toString(),
                  "employeeNip",
                  "198503302010011002"));
      awaitOpenTask(newcomer, instance, "draft-skp");
    }

    TaskStore.Page first = store.search(page(TaskQuery.View.MINE, 0, 1), newcomer);
    TaskStore.Page beyond = store.search(page(TaskQuery.View.MINE, 5, 1), newcomer);

    assertThat(first.items()).hasSize(1);
    assertThat(first.total()).isEqualTo(2);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(2);
  }

  @Test
  void aListCountsUpToAThousandTasksAndSaysThereAreMoreThenCountsExactlyPastThem() {
    Viewer officer = new Viewer("pengelola-besar", List.of("PENGELOLA_KINERJA:BESAR"));
    GroupTasks.offer(jdbc, "PENGELOLA_KINERJA:BESAR", 1005);
    try {
      TaskStore.Page first = store.search(page(TaskQuery.View.GROUP, 0, 25), officer);
      TaskStore.Page past = store.search(page(TaskQuery.View.GROUP, 40, 25), officer);

      assertThat(first.items()).hasSize(25);
      assertThat(first.items().get(0).name())
          .isEqualTo("Tinjau usulan 1"); // the earliest due first
      assertThat(first.total()).isEqualTo(1000);
      assertThat(first.more()).isTrue();
      assertThat(past.items()).extracting(TaskRow::name).first().isEqualTo("Tinjau usulan 1001");
      assertThat(past.total()).isEqualTo(1005);
      assertThat(past.more()).isFalse();
    } finally {
      GroupTasks.remove(jdbc);
    }
  }

  private static TaskQuery query(TaskQuery.View view) {
    return page(view, 0, 200);
  }

  private static TaskQuery page(TaskQuery.View view, int page, int size) {
    return new TaskQuery(view, null, null, null, null, null, page, size);
  }

  private static Map<String, Object> validSkp() {
    return Map.of(
        "approach",
        "KUANTITATIF",
        "hasilKerja",
        List.of(
            Map.of(
                "jenis", "UTAMA",
                "rhkAtasan", "Meningkatnya kualitas layanan informasi publik",
                "rhk", "Tersedianya layanan informasi publik yang cepat dan akurat",
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
                            "permohonan")))));
  }
}
