package id.kinerja.review;

import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Workers of processes/review-calendar.bpmn: before a period ends, the 360 rounds its review needs;
 * when it ends, the unit's review, unless the Pengelola Kinerja started that already. Public: the
 * job worker annotation processor calls it reflectively.
 */
@Component
public class ReviewCalendarWorker {

  private final Jobs jobs;
  private final UnitReviews unitReviews;
  private final FeedbackRounds feedbackRounds;

  ReviewCalendarWorker(Jobs jobs, UnitReviews unitReviews, FeedbackRounds feedbackRounds) {
    this.jobs = jobs;
    this.unitReviews = unitReviews;
    this.feedbackRounds = feedbackRounds;
  }

  /** Two weeks before a period with 360 input ends, its rounds start for the whole unit. */
  @JobWorker(type = "kinerja-feedback-rounds-open", autoComplete = false)
  public void openFeedbackRounds(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input ->
            Map.of(
                "feedbackRoundsStarted",
                feedbackRounds.start(
                    input.text("unitCode"), input.integer("periodYear"), input.text("period"))));
  }

  @JobWorker(type = "kinerja-review-open", autoComplete = false)
  public void open(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String unitCode = input.text("unitCode");
          try {
            UnitReviews.Opened opened =
                unitReviews.open(
                    unitCode,
                    input.integer("periodYear"),
                    input.text("period"),
                    UnitReviews.CALENDAR);
            return Map.of(
                "reviewOpened",
                true,
                "unitReviewId",
                opened.unitReviewId(),
                "unitHeadUsername",
                opened.unitHeadUsername());
          } catch (UnitReviews.RefusedException e) {
            if (e.reason() == UnitReviews.Reason.ALREADY_STARTED) {
              return Map.of("reviewOpened", false);
            }
            // a process owner reads this in the incident, fixes the organisation and retries
            throw JobInput.unusable(
                "Unit "
                    + unitCode
                    + " has no head with a user account who could set the unit's predikat;"
                    + " set the head in the organisation, then retry this step.");
          }
        });
  }
}
