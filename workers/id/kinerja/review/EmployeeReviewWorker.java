package id.kinerja.review;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Workers of processes/employee-review.bpmn: one employee's self-assessment, the wait for their 360
 * round and their rating, each recorded against the evaluation the unit review prepared. Public:
 * the job worker annotation processor calls them reflectively.
 */
@Component
public class EmployeeReviewWorker {

  private final Jobs jobs;
  private final Evaluations evaluations;
  private final SelfAssessments selfAssessments;
  private final FeedbackRounds feedbackRounds;
  private final EngineClock clock;

  EmployeeReviewWorker(
      Jobs jobs,
      Evaluations evaluations,
      SelfAssessments selfAssessments,
      FeedbackRounds feedbackRounds,
      EngineClock clock) {
    this.jobs = jobs;
    this.evaluations = evaluations;
    this.selfAssessments = selfAssessments;
    this.feedbackRounds = feedbackRounds;
    this.clock = clock;
  }

  @JobWorker(type = "kinerja-evaluation-rated", autoComplete = false)
  public void rated(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          evaluations.rate(
              evaluationId(input),
              input.choice("ratingHasilKerja", Rating.class).name(),
              input.choice("ratingPerilaku", Rating.class).name(),
              input.choice("predikat", Predikat.class).name(),
              input.textOrNull("ratingNotes"));
          return Map.of();
        });
  }

  /**
   * The employee's self-assessment, for the rater's form (rules.md: the employee self-assesses).
   */
  @JobWorker(type = "kinerja-self-assessment-recorded", autoComplete = false)
  public void selfAssessed(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String nip = input.text("employeeNip");
          List<String> rhk = selfAssessments.rhkOf(nip, input.integer("periodYear"));
          selfAssessments.submitted(
              evaluationId(input),
              SelfAssessments.resultsOf(rhk, input.all().get("selfAssessmentResults")),
              BerAkhlak.perValue(input.all().get("selfAssessmentBehaviour"), "selfRating"),
              input.textOrNull("selfAssessmentNarrative"),
              input.textOrNull("completedBy"));
          return Map.of();
        });
  }

  /** Its due date passed: the rating goes on and the rater's form says it is missing. */
  @JobWorker(type = "kinerja-self-assessment-missing", autoComplete = false)
  public void selfAssessmentMissing(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          selfAssessments.missing(evaluationId(input));
          return Map.of();
        });
  }

  /**
   * Whether the rating waits for the employee's 360 round of the period: only for a round that runs
   * (none started, or closed already, or past its deadline: no waiting), until its deadline.
   */
  @JobWorker(type = "kinerja-feedback-round-status", autoComplete = false)
  public void feedbackRoundStatus(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Optional<FeedbackRounds.Round> round =
              feedbackRounds.of(
                  input.text("employeeNip"), input.integer("periodYear"), input.text("period"));
          var status = new HashMap<String, Object>();
          status.put(
              "feedbackRoundRunning", round.map(r -> r.isRunning(clock.now())).orElse(false));
          status.put(
              "feedbackRoundDeadline",
              round.map(FeedbackRounds.Round::deadline).map(Instant::toString).orElse(null));
          return status;
        });
  }

  /** The evaluation of this employee-review instance: its item of the unit's evaluations list. */
  private static long evaluationId(JobInput input) {
    Object evaluation = input.all().get("evaluation");
    if (!(evaluation instanceof Map<?, ?> item)
        || !(item.get("evaluationId") instanceof Number id)) {
      throw JobInput.invalid(
          "evaluation", "an item of the evaluations list with evaluationId", evaluation);
    }
    return id.longValue();
  }
}
