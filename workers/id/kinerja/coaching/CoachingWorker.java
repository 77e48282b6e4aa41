package id.kinerja.coaching;

import id.kinerja.coaching.CoachChooser.Candidate;
import id.kinerja.coaching.CoachingRecords.Assignment;
import id.kinerja.coaching.CoachingRecords.NewAssignment;
import id.kinerja.coaching.CoachingRecords.Outcome;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Public: the job worker annotation processor calls it reflectively. The service tasks of
 * processes/coaching.bpmn, and the step that starts it from another process.
 */
@Component
public class CoachingWorker {

  private final Jobs jobs;

  /** Open assignments a coach without a coach row may hold, when the BPMN maps no other value. */
  static final int DEFAULT_CAPACITY = 3;

  private final CoachChooser chooser;
  private final CoachingRecords records;
  private final CoachingStarts starts;
  private final Organisation organisation;

  CoachingWorker(
      Jobs jobs,
      CoachChooser chooser,
      CoachingRecords records,
      CoachingStarts starts,
      Organisation organisation) {
    this.jobs = jobs;
    this.chooser = chooser;
    this.records = records;
    this.starts = starts;
    this.organisation = organisation;
  }

  /**
   * Starts coaching for an employee from a step of another process (unit-review: a periodic rating
   * below expectation); a redelivered job starts nothing twice.
   */
  @JobWorker(type = "kinerja-coaching-start", autoComplete = false)
  public void start(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          starts.start(
              new CoachingStarts.Request(
                  input.eventKey(),
                  input.text("employeeNip"),
                  input.text("employeeUsername"),
                  input.textOrNull("raterUsername"),
                  input.integer("periodYear"),
                  input.text("reason"),
                  input.textOrNull("requestedCoachKind")));
          return Map.of();
        });
  }

  /**
   * Chooses a coach or counsellor ({@link CoachKind#forReason}, {@link CoachChooser}); outputs
   * coachFound, coachKind, coachUsername, coachName, employeeName.
   */
  @JobWorker(type = "kinerja-assign-coach", autoComplete = false)
  public void assignCoach(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String nip = input.text("employeeNip");
          CoachKind kind;
          try {
            kind =
                CoachKind.forReason(
                    input.textOrNull("requestedCoachKind"), input.textOrNull("reason"));
          } catch (IllegalArgumentException e) {
            throw JobInput.invalid(
                "requestedCoachKind",
                "BIMBINGAN or KONSELING",
                input.all().get("requestedCoachKind"));
          }
          Employee employee =
              organisation
                  .byNip(nip)
                  .orElseThrow(
                      () -> JobInput.invalid("employeeNip", "the NIP of an employee", nip));
          Map<String, Object> out = new HashMap<>();
          out.put("employeeName", employee.name());
          out.put("coachKind", kind.name());
          // a redelivered job keeps the coach chosen the first time
          Optional<Assignment> existing = records.byInstance(input.processInstanceKey());
          if (existing.isPresent()) {
            return found(out, existing.get());
          }
          Object capacity = input.all().get("defaultCoachCapacity");
          int defaultCapacity =
              capacity == null ? DEFAULT_CAPACITY : input.integer("defaultCoachCapacity");
          Optional<Candidate> coach = chooser.choose(nip, kind, defaultCapacity);
          if (coach.isEmpty()) {
            out.put("coachFound", false);
            out.put("coachUsername", null);
            return out;
          }
          Employee c = coach.get().employee();
          return found(
              out,
              records.assign(
                  new NewAssignment(
                      input.processInstanceKey(),
                      nip,
                      input.textOrNull("employeeUsername"),
                      c.id(),
                      c.username(),
                      kind,
                      input.textOrNull("reason"),
                      "SYSTEM")));
        });
  }

  /**
   * Checks the coach the Pengelola Kinerja picked (chosenCoach, coachKind); outputs coachFound, the
   * checked coachUsername and, when refused, coachProblem (a sentence shown again in the form). The
   * pick is a name the form offers; only this check turns it into the assignee of the sessions.
   */
  @JobWorker(type = "kinerja-coach-chosen", autoComplete = false)
  public void coachChosen(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String nip = input.text("employeeNip");
          String username = input.text("chosenCoach").trim();
          CoachKind kind = input.choice("coachKind", CoachKind.class);
          Map<String, Object> out = new HashMap<>();
          Optional<String> refusal = chooser.refusal(nip, username);
          if (refusal.isPresent()) {
            out.put("coachFound", false);
            out.put("coachProblem", refusal.get());
            return out;
          }
          Employee coach = organisation.byUsername(username).orElseThrow();
          out.put("coachKind", kind.name());
          out.put("coachProblem", null);
          return found(
              out,
              records.assign(
                  new NewAssignment(
                      input.processInstanceKey(),
                      nip,
                      input.textOrNull("employeeUsername"),
                      coach.id(),
                      coach.username(),
                      kind,
                      input.textOrNull("reason"),
                      Optional.ofNullable(input.textOrNull("completedBy"))
                          .orElse("PENGELOLA_KINERJA"))));
        });
  }

  /** Persists a session (sessionDate, sessionNotes, outcome); outputs coachingStatus. */
  @JobWorker(type = "kinerja-coaching-session-recorded", autoComplete = false)
  public void sessionRecorded(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Assignment assignment =
              records.recordSession(
                  input.processInstanceKey(),
                  input.eventKey(),
                  input.textOrNull("sessionDate"),
                  input.textOrNull("sessionNotes"),
                  input.choice("outcome", Outcome.class),
                  input.textOrNull("completedBy"));
          return Map.of("coachingStatus", assignment.status());
        });
  }

  private Map<String, Object> found(Map<String, Object> out, Assignment assignment) {
    out.put("coachFound", true);
    out.put("coachUsername", assignment.coachUsername());
    out.put("coachKind", assignment.kind());
    out.put(
        "coachName",
        organisation
            .byUsername(assignment.coachUsername())
            .map(Employee::name)
            .orElse(assignment.coachUsername()));
    return out;
  }
}
