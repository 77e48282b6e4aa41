package id.kinerja.planning;

import id.kinerja.appeal.Appeals;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Evaluations.Evaluation;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Workers of processes/performance-year.bpmn. Public: the job worker annotation processor calls it
 * reflectively.
 */
@Component
public class PerformanceYearWorker {

  private final Jobs jobs;
  private final SkpRecords records;
  private final Periods periods;
  private final Evaluations evaluations;
  private final Appeals appeals;
  private final EngineClock clock;

  PerformanceYearWorker(
      Jobs jobs,
      SkpRecords records,
      Periods periods,
      Evaluations evaluations,
      Appeals appeals,
      EngineClock clock) {
    this.jobs = jobs;
    this.records = records;
    this.periods = periods;
    this.evaluations = evaluations;
    this.appeals = appeals;
    this.clock = clock;
  }

  /** Mutasi: the SKP of the old post is closed; realisasi recorded so far stays with it. */
  @JobWorker(type = "kinerja-skp-close", autoComplete = false)
  public void close(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Object skpId = input.all().get("skpId");
          if (skpId instanceof Number id) {
            records.close(id.longValue());
          }
          return Map.of();
        });
  }

  /**
   * After the appeal window of an annual result: the final predikat, and whether an appeal is still
   * to be decided.
   */
  @JobWorker(type = "kinerja-result-final", autoComplete = false)
  public void resultFinal(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          long evaluationId = input.integer("evaluationId");
          Evaluation evaluation =
              evaluations
                  .byId(evaluationId)
                  .orElseThrow(
                      () -> JobInput.invalid("evaluationId", "a known evaluation", evaluationId));
          return Map.of(
              "finalPredikat",
              String.valueOf(evaluation.predikat()),
              "appealPending",
              appeals.isPending(evaluationId));
        });
  }

  /** The year in this post ran its course: planned, monitored to December, the result received. */
  @JobWorker(type = "kinerja-year-close", autoComplete = false)
  public void yearClosed(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          periods.completed(input.processInstanceKey(), clock.now());
          return Map.of();
        });
  }
}
