package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.audit.AuditTrail;
import id.kinerja.deployment.SteeringVariables;
import id.kinerja.engine.Engine;
import id.kinerja.engine.TaskGoneException;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.TaskRow.TaskState;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Claiming, releasing and completing tasks, each allowed only to the people the task is for. */
@Service
public class TaskService {

  /** The variable through which a process learns who completed its last human task. */
  public static final String COMPLETED_BY = "completedBy";

  /** Whom the person who completed the task stood in for (Plt/Plh), if anyone. */
  public static final String COMPLETED_ACTING_FOR = "completedActingFor";

  private final TaskStore store;
  private final Engine engine;
  private final ProcessDocuments documents;
  private final FormValidator formValidator;
  private final List<SubmissionRule> rules;
  private final List<FormContext> contexts;
  private final AuditTrail audit;

  TaskService(
      TaskStore store,
      Engine engine,
      ProcessDocuments documents,
      FormValidator formValidator,
      List<SubmissionRule> rules,
      List<FormContext> contexts,
      AuditTrail audit) {
    this.store = store;
    this.engine = engine;
    this.documents = documents;
    this.formValidator = formValidator;
    this.rules = rules;
    this.contexts = contexts;
    this.audit = audit;
  }

  /**
   * What the task's form is shown with: the data its features' {@link FormContext}s add for the
   * form, and the task's own variables over it.
   */
  public Map<String, Object> formData(TaskRow task, JsonNode schema, Locale locale) {
    if (schema == null) {
      return task.variables();
    }
    String formId = schema.path("id").asText();
    var data = new HashMap<String, Object>();
    contexts.stream()
        .filter(c -> c.appliesTo(formId))
        .forEach(c -> data.putAll(c.of(task, locale)));
    data.putAll(task.variables());
    return data;
  }

  /** The task if the person may see it. */
  public TaskRow visibleTask(long key, Viewer viewer) {
    TaskRow task = store.find(key).orElseThrow(TaskProblem::notFound);
    if (!task.isVisibleTo(viewer)) {
      throw TaskProblem.forbidden();
    }
    return task;
  }

  @Transactional
  public TaskRow claim(long key, Viewer viewer) {
    TaskRow task = openTask(key, viewer);
    if (!task.isOfferedTo(viewer) && !viewer.username().equals(task.assignee())) {
      throw TaskProblem.forbidden();
    }
    if (!store.assign(key, viewer.username())) {
      throw TaskProblem.assignedToOther();
    }
    audit.record(
        viewer.username(),
        "TASK_CLAIMED",
        "TASK",
        key,
        Map.of("assignee", String.valueOf(task.assignee())),
        Map.of("assignee", viewer.username()));
    return store.find(key).orElseThrow();
  }

  @Transactional
  public TaskRow unclaim(long key, Viewer viewer) {
    TaskRow task = openTask(key, viewer);
    if (!viewer.username().equals(task.assignee())) {
      throw TaskProblem.forbidden();
    }
    // a task assigned by the process itself cannot be handed back: nobody else could take it
    if (!task.isOfferedTo(viewer)) {
      throw TaskProblem.forbidden();
    }
    store.unassign(key, viewer.username());
    audit.record(
        viewer.username(),
        "TASK_UNCLAIMED",
        "TASK",
        key,
        Map.of("assignee", viewer.username()),
        Map.of());
    return store.find(key).orElseThrow();
  }

  /**
   * Validates the submission against the form and the domain rules, then completes the task in the
   * engine. The task is marked completed first: the row stays locked until the engine answered, so
   * the reconciler, finding the job gone meanwhile, cannot take it for one a timer ended. If the
   * engine fails, the transaction rolls back and the task is open again.
   */
  @Transactional(noRollbackFor = TaskProblem.class) // a task found gone stays marked so
  public void complete(long key, Viewer viewer, Map<String, Object> submission) {
    TaskRow task = actionableTask(key, viewer);
    List<FieldError> errors = validate(task, submission);
    if (!errors.isEmpty()) {
      throw TaskProblem.invalid(errors);
    }
    if (!store.end(key, TaskState.COMPLETED, viewer.username())) {
      throw TaskProblem.gone(); // ended by the engine a moment ago
    }
    var variables = new HashMap<String, Object>(submission);
    documents
        .formSchema(task.formKey())
        .ifPresent(
            form -> variables.putAll(formValidator.variables(form, task.variables(), submission)));
    // the process learns who acted, e.g. to record who approved an SKP
    variables.put(COMPLETED_BY, viewer.username());
    if (task.actingFor() != null) {
      variables.put(COMPLETED_ACTING_FOR, task.actingFor());
    }
    try {
      engine.completeHumanTask(key, variables);
    } catch (TaskGoneException e) {
      store.endedByEngine(key);
      throw TaskProblem.gone();
    }
    var after = new HashMap<String, Object>(submission);
    if (task.actingFor() != null) { // the trail names both: the acting official and the holder
      after.put(COMPLETED_ACTING_FOR, task.actingFor());
    }
    audit.record(
        viewer.username(), "TASK_COMPLETED", "TASK", key, Map.of("name", task.name()), after);
  }

  /**
   * The Pengelola Kinerja gives an open task to someone else (a changed rater, an acting official),
   * with a reason; audited. Open tasks otherwise keep their assignee when the tree changes.
   */
  @Transactional
  public TaskRow reassign(long key, String assignee, String reason, String officer) {
    TaskRow task = store.find(key).orElseThrow(TaskProblem::notFound);
    if (task.state() != TaskState.OPEN) {
      throw TaskProblem.ended();
    }
    if (reason == null || reason.isBlank()) {
      throw TaskProblem.reasonRequired();
    }
    if (!store.reassign(key, assignee)) {
      throw TaskProblem.ended();
    }
    audit.record(
        officer,
        "TASK_REASSIGNED",
        "TASK",
        key,
        Map.of("assignee", String.valueOf(task.assignee())),
        Map.of("assignee", assignee, "reason", reason.strip()));
    return store.find(key).orElseThrow();
  }

  /**
   * What the form lets the person set, then the domain rules. A task without a form takes nothing
   * but its completion: there is no field anybody could have been offered.
   */
  private List<FieldError> validate(TaskRow task, Map<String, Object> submission) {
    var errors = new ArrayList<FieldError>();
    JsonNode schema = documents.formSchema(task.formKey()).orElse(null);
    if (schema == null) {
      submission.keySet().forEach(k -> errors.add(new FieldError(k, "unknown", k)));
      return errors;
    }
    var steering = new HashSet<>(documents.steeringVariables(task.processDefinitionKey()));
    submission.keySet().stream().filter(SteeringVariables::isSteering).forEach(steering::add);
    // the same data the form was shown with: its choices from a FormContext are checked too
    Map<String, Object> shown = formData(task, schema, LocaleContextHolder.getLocale());
    errors.addAll(formValidator.validate(schema, shown, submission, steering));
    if (errors.isEmpty()) {
      String formId = schema.path("id").asText();
      rules.stream()
          .filter(r -> r.appliesTo(formId))
          .forEach(r -> errors.addAll(r.check(task, submission)));
    }
    return errors;
  }

  /** The open task, if the person may work on it now; else why not. */
  TaskRow actionableTask(long key, Viewer viewer) {
    TaskRow task = openTask(key, viewer);
    if (!task.isActionableBy(viewer)) {
      throw task.assignee() == null ? TaskProblem.forbidden() : TaskProblem.assignedToOther();
    }
    return task;
  }

  private TaskRow openTask(long key, Viewer viewer) {
    TaskRow task = visibleTask(key, viewer);
    if (task.state() == TaskState.CANCELED) {
      throw TaskProblem.gone();
    }
    if (task.state() != TaskState.OPEN) {
      throw TaskProblem.ended();
    }
    return task;
  }
}
