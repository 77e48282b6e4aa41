package id.kinerja.support;

import id.kinerja.engine.Engine;
import id.kinerja.tasklist.TaskQuery;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** People acting in the tasklist during a test, each with a unique user name. */
public final class People {

  private final TaskStore store;
  private final TaskService tasks;

  public People(TaskStore store, TaskService tasks) {
    this.store = store;
    this.tasks = tasks;
  }

  public static Viewer person(String role, String... groups) {
    return new Viewer(role + "-" + UUID.randomUUID().toString().substring(0, 8), List.of(groups));
  }

  /**
   * Waits until the person sees the open task of the given element in the given process instance
   * (group tasks of other tests' instances are visible too).
   */
  public TaskRow awaitTask(Viewer viewer, long processInstance, String elementId) {
    return awaitTask(viewer, inInstance(processInstance), elementId);
  }

  /** The same for a task of the given kind: of an instance, or of a unit review (ofReview). */
  public TaskRow awaitTask(Viewer viewer, Predicate<TaskRow> of, String elementId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> openTasks(viewer, of, elementId).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /**
   * The tasks of one unit review: its own and those of the employee reviews it calls, which are
   * other process instances that carry the review's id.
   */
  public static Predicate<TaskRow> ofReview(long unitReviewId) {
    return t ->
        t.variables().get("unitReviewId") instanceof Number id && id.longValue() == unitReviewId;
  }

  private static Predicate<TaskRow> inInstance(long processInstance) {
    return t -> t.processInstanceKey() == processInstance;
  }

  /** Starts an SKP planning of the employee for the year and waits for their draft task. */
  public TaskRow draftSkp(Engine engine, String employee, String rater, String nip, int year) {
    long instance =
        engine.startProcess(
            "skp-planning",
            Map.of(
                "employeeUsername", employee,
                "raterUsername", rater,
                "periodYear", year,
                "employeeNip", nip));
    return awaitTask(new Viewer(employee, List.of("PEGAWAI")), instance, "draft-skp");
  }

  /**
   * The employee sends their self-assessment, asked before each rating of the unit review, as its
   * form lets an employee without an approved SKP send it (no RHK to assess, the seven values).
   */
  public void selfAssess(Viewer employee, Predicate<TaskRow> unitReview) {
    selfAssess(employee, unitReview, List.of());
  }

  /** The same with a self-rating for each RHK of the employee's approved SKP, in its order. */
  public void selfAssess(Viewer employee, Predicate<TaskRow> unitReview, List<String> rhk) {
    var behaviour = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 7; i++) {
      behaviour.add(Map.of("selfRating", "SESUAI_EKSPEKTASI"));
    }
    complete(
        employee,
        unitReview,
        "self-assess",
        Map.of(
            "selfResults",
            rhk.stream()
                .map(r -> Map.<String, Object>of("rhk", r, "selfRating", "SESUAI_EKSPEKTASI"))
                .toList(),
            "selfBehaviour",
            behaviour,
            "selfNarrative",
            "Target tercapai sesuai rencana."));
  }

  /** The person's open tasks of the element in the process instance, now (no waiting). */
  public List<TaskRow> openTasks(Viewer viewer, long processInstance, String elementId) {
    return openTasks(viewer, inInstance(processInstance), elementId);
  }

  /** The person's open tasks of the element of the given kind, now (no waiting). */
  public List<TaskRow> openTasks(Viewer viewer, Predicate<TaskRow> of, String elementId) {
    return store
        .search(new TaskQuery(TaskQuery.View.ALL, null, null, null, null, null, 0, 200), viewer)
        .items()
        .stream()
        .filter(of)
        .filter(t -> t.elementId().equals(elementId))
        .toList();
  }

  /** The person completes their open task of the given element. */
  public TaskRow complete(
      Viewer viewer, long processInstance, String elementId, Map<String, Object> values) {
    return complete(viewer, inInstance(processInstance), elementId, values);
  }

  /** The same for a task of the given kind. */
  public TaskRow complete(
      Viewer viewer, Predicate<TaskRow> of, String elementId, Map<String, Object> values) {
    TaskRow task = awaitTask(viewer, of, elementId);
    tasks.complete(task.key(), viewer, values);
    return task;
  }
}
