package id.kinerja.coaching;

import id.kinerja.coaching.ImprovementPeriods.FollowUp;
import id.kinerja.coaching.ImprovementPeriods.Outcome;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.Jobs;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service tasks of processes/improvement-period.bpmn (coaching itself starts through
 * kinerja-coaching-start). Public: the job worker annotation processor calls it reflectively.
 */
@Component
public class ImprovementPeriodWorker {

  private final Jobs jobs;
  private final ImprovementPeriods periods;
  private final EngineClock clock;

  ImprovementPeriodWorker(Jobs jobs, ImprovementPeriods periods, EngineClock clock) {
    this.jobs = jobs;
    this.periods = periods;
    this.clock = clock;
  }

  @JobWorker(type = "kinerja-improvement-started", autoComplete = false)
  public void started(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Object evaluationId = input.all().get("evaluationId");
          periods.started(
              input.processInstanceKey(),
              evaluationId instanceof Number n ? n.longValue() : null,
              input.text("employeeNip"),
              input.integer("periodYear"),
              input.text("finalPredikat"),
              clock.now());
          return Map.of();
        });
  }

  @JobWorker(type = "kinerja-improvement-reviewed", autoComplete = false)
  public void reviewed(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          periods.reviewed(
              input.processInstanceKey(),
              input.choice("improvementOutcome", Outcome.class),
              input.text("improvementNotes"),
              input.textOrNull("completedBy"),
              clock.now());
          return Map.of();
        });
  }

  @JobWorker(type = "kinerja-improvement-followed-up", autoComplete = false)
  public void followedUp(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          periods.followedUp(
              input.processInstanceKey(),
              input.choice("followUpAction", FollowUp.class),
              input.text("followUpNotes"),
              input.textOrNull("completedBy"),
              clock.now());
          return Map.of();
        });
  }
}
