package id.kinerja.development;

import id.kinerja.development.DevelopmentFollowUps.Kind;
import id.kinerja.development.DevelopmentFollowUps.NewFollowUp;
import id.kinerja.development.DevelopmentFollowUps.Source;
import id.kinerja.development.DevelopmentPlans.Decision;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service tasks of processes/development-plan.bpmn, the step that starts it from coaching, and
 * the step that arranges a training or special assignment (coaching.bpmn, improvement-period.bpmn).
 * Public: the job worker annotation processor calls it reflectively.
 */
@Component
public class DevelopmentPlanWorker {

  private final Jobs jobs;
  private final DevelopmentPlans plans;
  private final DevelopmentFollowUps followUps;
  private final Organisation organisation;
  private final AgencyTime time;
  private final EngineClock clock;

  DevelopmentPlanWorker(
      Jobs jobs,
      DevelopmentPlans plans,
      DevelopmentFollowUps followUps,
      Organisation organisation,
      AgencyTime time,
      EngineClock clock) {
    this.jobs = jobs;
    this.plans = plans;
    this.followUps = followUps;
    this.organisation = organisation;
    this.time = time;
    this.clock = clock;
  }

  /**
   * Asks the employee for their development plan (employeeNip, employeeUsername, raterUsername,
   * periodYear, reason, planReason); outputs developmentPlanStarted. Without a rater or without a
   * user name for the employee nobody could write or agree it, so none starts.
   */
  @JobWorker(type = "kinerja-development-plan-start", autoComplete = false)
  public void start(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String username = input.textOrNull("employeeUsername");
          String rater = input.textOrNull("raterUsername");
          if (username == null || rater == null) {
            return Map.of("developmentPlanStarted", false);
          }
          String nip = input.text("employeeNip");
          Object year = input.all().get("periodYear");
          plans.start(
              new DevelopmentPlans.Request(
                  input.eventKey(),
                  nip,
                  organisation.byNip(nip).map(Employee::name).orElse(nip),
                  username,
                  rater,
                  year == null ? null : input.integer("periodYear"),
                  input.textOrNull("reason"),
                  input.textOrNull("planReason")));
          return Map.of("developmentPlanStarted", true);
        });
  }

  /**
   * Keeps the employee's draft (planGoals, planActions, planSupport, planTargetDate); outputs
   * planDecision cleared.
   */
  @JobWorker(type = "kinerja-development-plan-submitted", autoComplete = false)
  public void submitted(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          plans.submitted(
              input.processInstanceKey(),
              input.text("planGoals"),
              input.text("planActions"),
              input.textOrNull("planSupport"),
              date(input, "planTargetDate"),
              input.textOrNull("completedBy"),
              clock.now());
          // a returned plan comes back to the rater without the earlier decision ticked
          Map<String, Object> out = new HashMap<>();
          out.put("planDecision", null);
          return out;
        });
  }

  /** Keeps the rater's decision (planDecision AGREED or RETURNED, planReturnNote). */
  @JobWorker(type = "kinerja-development-plan-decided", autoComplete = false)
  public void decided(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Decision decision = input.choice("planDecision", Decision.class);
          // a note of an earlier round stays a variable: only a return carries one
          plans.decided(
              input.processInstanceKey(),
              decision,
              decision == Decision.RETURNED ? input.textOrNull("planReturnNote") : null,
              input.textOrNull("completedBy"),
              clock.now());
          return Map.of();
        });
  }

  /**
   * Arranges a training or special assignment (followUpKind, followUpDescription, followUpOwner: a
   * user name or empty for the Pengelola Kinerja, followUpDueIn: an ISO period such as P3M,
   * followUpSource); due that long after today in the employee's zone.
   */
  @JobWorker(type = "kinerja-follow-up-arranged", autoComplete = false)
  public void followUpArranged(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String nip = input.text("employeeNip");
          Period dueIn;
          try {
            dueIn = Period.parse(input.text("followUpDueIn"));
          } catch (DateTimeParseException e) {
            throw JobInput.invalid(
                "followUpDueIn", "a period such as P3M", input.all().get("followUpDueIn"));
          }
          LocalDate today =
              organisation
                  .byNip(nip)
                  .map(e -> clock.today(time.zoneOf(e)))
                  .orElseGet(() -> clock.today(time.defaultZone()));
          var arranged =
              followUps.arrange(
                  new NewFollowUp(
                      input.eventKey(),
                      input.processInstanceKey(),
                      input.choice("followUpSource", Source.class),
                      nip,
                      input.choice("followUpKind", Kind.class),
                      input.textOrNull("followUpDescription"),
                      input.textOrNull("followUpOwner"),
                      today.plus(dueIn)));
          return Map.of("followUpId", arranged.id(), "followUpDue", arranged.dueDate().toString());
        });
  }

  private static LocalDate date(JobInput input, String name) {
    String text = input.text(name);
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw JobInput.invalid(name, "a date YYYY-MM-DD", text);
    }
  }
}
