package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.InertDocument;
import id.kinerja.platform.JsonBody;
import id.kinerja.platform.Refusal;
import id.kinerja.tasklist.TaskRow.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The tasklist API: a person's tasks, their forms, and the actions on them. */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks", description = "Human tasks of the processes (job-worker user tasks)")
class TaskController {

  private final TaskStore store;
  private final TaskService tasks;
  private final TaskFilters filters;
  private final ProcessDocuments documents;
  private final EvidenceUploads evidence;
  private final JsonBody body;
  // overdue means past due by the engine's clock, which the demo may have moved
  private final EngineClock clock;
  private final AgencyScope scope;
  private final Organisation organisation;
  private final TaskViewers viewers;

  TaskController(
      TaskStore store,
      TaskService tasks,
      TaskFilters filters,
      ProcessDocuments documents,
      EvidenceUploads evidence,
      JsonBody body,
      EngineClock clock,
      AgencyScope scope,
      Organisation organisation,
      TaskViewers viewers) {
    this.viewers = viewers;
    this.body = body;
    this.clock = clock;
    this.scope = scope;
    this.organisation = organisation;
    this.store = store;
    this.tasks = tasks;
    this.filters = filters;
    this.documents = documents;
    this.evidence = evidence;
  }

  record TaskSummary(
      long id,
      String name,
      String processId,
      String processName,
      int processVersion,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      Instant dueDate,
      Instant followUpDate,
      int priority,
      String employeeNip,
      Integer periodYear,
      boolean overdue,
      String state,
      Instant createdAt,
      String actingFor) {

    /** processName: the process's name in its BPMN (ProcessDocuments), for pages. */
    static TaskSummary of(TaskRow t, String processName, Instant now) {
      return new TaskSummary(
          t.key(),
          t.name(),
          t.processId(),
          processName,
          t.processVersion(),
          t.assignee(),
          t.candidateGroups(),
          t.candidateUsers(),
          t.dueDate(),
          t.followUpDate(),
          t.priority(),
          t.employeeNip(),
          t.periodYear(),
          t.isOverdue(now),
          t.state().name(),
          t.createdAt(),
          t.actingFor());
    }
  }

  private TaskSummary summary(TaskRow t, Instant now) {
    return TaskSummary.of(t, documents.processName(t.processDefinitionKey(), t.processId()), now);
  }

  /** With {@code more}, more tasks match than {@code total} (lists count up to 1,000). */
  record TaskPage(List<TaskSummary> items, long total, boolean more, int page, int size) {}

  record HistoryEntry(
      String name,
      String state,
      Instant createdAt,
      Instant endedAt,
      String endedBy,
      String actingFor) {}

  record ReassignRequest(String assignee, String reason) {
    static final int REASON_LENGTH = 1000;

    void check() {
      var errors = new ArrayList<FormValidator.FieldError>();
      if (assignee == null || assignee.isBlank()) {
        errors.add(new FormValidator.FieldError("assignee", "required", null));
      }
      if (reason == null || reason.isBlank()) {
        errors.add(new FormValidator.FieldError("reason", "required", null));
      } else if (reason.length() > REASON_LENGTH) {
        errors.add(new FormValidator.FieldError("reason", "maxLength", REASON_LENGTH));
      }
      if (!errors.isEmpty()) {
        throw TaskProblem.invalid(errors);
      }
    }
  }

  /** Where the work of a task the engine ended went: a task open now, and who has it. */
  record Continuation(
      String name, String processId, String assignee, List<String> candidateGroups) {}

  record TaskDetail(
      TaskSummary task,
      Map<String, Object> variables,
      JsonNode form,
      String elementId,
      String diagramUrl,
      List<HistoryEntry> history,
      List<Continuation> continuedIn) {}

  record Counts(Count mine, Count group, Count overdue) {}

  /** With {@code more}, there are more than {@code total} tasks. */
  record Count(long total, boolean more) {}

  record FilterRequest(@NotBlank @Size(max = 100) String name, @NotNull JsonNode query) {}

  @GetMapping
  @Operation(summary = "Open tasks for me or my groups, filtered and paged")
  TaskPage list(
      @RequestParam(defaultValue = "ALL") TaskQuery.View view,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String employee,
      @RequestParam(required = false) Integer period,
      @RequestParam(required = false) Instant dueBefore,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Authentication auth) {
    var query = new TaskQuery(view, process, employee, period, dueBefore, q, page, size);
    TaskStore.Page result = store.search(query, viewer(auth));
    Instant now = clock.now();
    return new TaskPage(
        result.items().stream().map(t -> summary(t, now)).toList(),
        result.total(),
        result.more(),
        result.page(),
        result.size());
  }

  @GetMapping("/counts")
  @Operation(summary = "How many open tasks each view holds")
  Counts counts(Authentication auth) {
    Viewer viewer = viewer(auth);
    return new Counts(
        count(new TaskQuery(TaskQuery.View.MINE, null, null, null, null, null, 0, 1), viewer),
        count(new TaskQuery(TaskQuery.View.GROUP, null, null, null, null, null, 0, 1), viewer),
        count(
            new TaskQuery(TaskQuery.View.ALL, null, null, null, clock.now(), null, 0, 1), viewer));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A task with its form schema, variables, instance history and diagram link")
  TaskDetail get(@PathVariable long id, Authentication auth, Locale locale) {
    TaskRow task = tasks.visibleTask(id, viewer(auth));
    JsonNode form = documents.formSchema(task.formKey()).orElse(null);
    List<HistoryEntry> history =
        store.ofInstance(task.processInstanceKey()).stream()
            .map(
                t ->
                    new HistoryEntry(
                        t.name(),
                        t.state().name(),
                        t.createdAt(),
                        t.endedAt(),
                        t.endedBy(),
                        t.actingFor()))
            .toList();
    List<Continuation> continuedIn =
        task.state() != TaskRow.TaskState.CANCELED
            ? List.of()
            : store.openAfter(task).stream()
                .map(
                    t ->
                        new Continuation(
                            t.name(), t.processId(), t.assignee(), t.candidateGroups()))
                .toList();
    return new TaskDetail(
        summary(task, clock.now()),
        tasks.formData(task, form, locale),
        form,
        task.elementId(),
        "/api/tasks/" + id + "/diagram",
        history,
        continuedIn);
  }

  @GetMapping(path = "/{id}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "The BPMN of the task's process version, for the diagram viewer")
  ResponseEntity<String> diagram(@PathVariable long id, Authentication auth) {
    TaskRow task = tasks.visibleTask(id, viewer(auth));
    return InertDocument.xml(
        documents.bpmnXml(task.processDefinitionKey()).orElseThrow(TaskProblem::notFound),
        task.processId() + ".bpmn");
  }

  @PostMapping("/{id}/claim")
  @Operation(summary = "Take a task offered to me or my groups")
  TaskSummary claim(@PathVariable long id, Authentication auth) {
    return summary(tasks.claim(id, viewer(auth)), clock.now());
  }

  @PostMapping("/{id}/unclaim")
  @Operation(summary = "Hand a claimed task back to its group")
  TaskSummary unclaim(@PathVariable long id, Authentication auth) {
    return summary(tasks.unclaim(id, viewer(auth)), clock.now());
  }

  @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Complete a task with the form's values",
      description =
          "Only what the task's form lets the person set: 400 with field errors when invalid or"
              + " naming anything else; 403/404/409 before the body is read when the person may not"
              + " act on the task (now); 409 when the task no longer exists in the engine",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(type = "object"))))
  void complete(@PathVariable long id, HttpServletRequest request, Authentication auth) {
    Viewer viewer = viewer(auth);
    tasks.actionableTask(id, viewer); // who may act is settled before the body is read
    tasks.complete(id, viewer, body.object(request));
  }

  @GetMapping("/assigned-to/{username}")
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(
      summary =
          "A person's open tasks, for the Pengelola Kinerja to reassign (their agency's only)")
  List<TaskSummary> assignedTo(@PathVariable String username, Authentication auth) {
    Instant now = clock.now();
    return store
        .search(
            new TaskQuery(TaskQuery.View.MINE, null, null, null, null, null, 0, 200),
            new Viewer(username, List.of()))
        .items()
        .stream()
        .filter(t -> scope.covers(auth, agencyUnit(t)))
        .map(t -> summary(t, now))
        .toList();
  }

  @PostMapping(path = "/{id}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(
      summary = "Give an open task to someone else, with a reason (Pengelola Kinerja; audited)",
      description =
          "Only for tasks of the officer's agency (403/404 before the body is read). Open tasks"
              + " otherwise keep their assignee.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = ReassignRequest.class))))
  TaskSummary reassign(@PathVariable long id, HttpServletRequest http, Authentication auth) {
    TaskRow task = store.find(id).orElseThrow(TaskProblem::notFound);
    if (!scope.covers(auth, agencyUnit(task))) {
      throw TaskProblem.forbidden();
    }
    // the body only now: an officer of another agency hears no, whatever they sent
    ReassignRequest request = body.read(http, ReassignRequest.class);
    request.check();
    if (organisation.byUsername(request.assignee()).isEmpty()) {
      throw TaskProblem.unknownAssignee();
    }
    return summary(
        tasks.reassign(id, request.assignee(), request.reason(), auth.getName()), clock.now());
  }

  /** A unit of the task's agency: the employee's unit, else the task's unit. */
  private String agencyUnit(TaskRow task) {
    if (task.employeeNip() != null) {
      var employee = organisation.byNip(task.employeeNip());
      if (employee.isPresent()) {
        return employee.get().unitCode();
      }
    }
    Object unit = task.variables().get("unitCode");
    return unit == null ? null : unit.toString();
  }

  @GetMapping("/filters")
  @Operation(summary = "My saved filters")
  List<TaskFilters.SavedFilter> savedFilters(Authentication auth) {
    return filters.of(auth.getName());
  }

  @PostMapping(path = "/filters", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Save a filter under a name (replaces my filter of the same name)")
  TaskFilters.SavedFilter saveFilter(
      @Valid @RequestBody FilterRequest request, Authentication auth) {
    if (!request.query().isObject()) {
      throw new Refusal(HttpStatus.BAD_REQUEST, "tasklist.error.filterQuery");
    }
    return filters.save(auth.getName(), request.name(), request.query());
  }

  @DeleteMapping("/filters/{filterId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteFilter(@PathVariable long filterId, Authentication auth) {
    if (!filters.delete(auth.getName(), filterId)) {
      throw TaskProblem.notFound();
    }
  }

  @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload an evidence file for the task's form (PDF, picture, Word, Excel; 5 MB)",
      description =
          "For whoever may complete the task now. The answer is the reference the submission carries"
              + " in a file picker field: {evidenceId, name, size, url}.")
  TaskEvidence.Reference uploadEvidence(
      @PathVariable long id, @RequestParam("file") MultipartFile file, Authentication auth)
      throws IOException {
    return evidence.upload(id, viewer(auth), file.getOriginalFilename(), file.getBytes());
  }

  private Count count(TaskQuery query, Viewer viewer) {
    TaskStore.Page page = store.search(query, viewer);
    return new Count(page.total(), page.more());
  }

  private Viewer viewer(Authentication auth) {
    return viewers.of(auth);
  }
}
