package id.kinerja.appeal;

import id.kinerja.appeal.Appeals.Decision;
import id.kinerja.engine.Engine;
import id.kinerja.engine.Jobs;
import id.kinerja.review.Evaluations.Evaluation;
import id.kinerja.review.PredikatMatrix;
import id.kinerja.review.Rating;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Workers of processes/appeal.bpmn. Public: the job worker annotation processor calls them. */
@Component
public class AppealWorker {

  private final Jobs jobs;
  private final Appeals appeals;
  private final PredikatMatrix matrix;
  private final Engine engine;

  AppealWorker(Jobs jobs, Appeals appeals, PredikatMatrix matrix, Engine engine) {
    this.jobs = jobs;
    this.appeals = appeals;
    this.matrix = matrix;
    this.engine = engine;
  }

  @JobWorker(type = "kinerja-appeal-explained", autoComplete = false)
  public void explained(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          appeals.explain(input.integer("appealId"), input.text("explanation"));
          return Map.of();
        });
  }

  /** The employee's explanation the decider asked for (PP 30/2019 art. 59). */
  @JobWorker(type = "kinerja-appeal-employee-explained", autoComplete = false)
  public void employeeExplained(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          appeals.employeeExplained(
              input.integer("appealId"),
              input.textOrNull("employeeQuestion"),
              input.text("employeeExplanation"));
          return Map.of();
        });
  }

  /**
   * The Pengelola Kinerja's follow-up of an overdue appeal. Handing it to another official moves
   * the open decision to them: the message interrupts the decider's task, which comes back for the
   * new decider (the message carries the name). The form's pick is newDecider, a name the person
   * may type (checked by AppealEscalationRule); only this step makes it deciderUsername, the
   * assignee of the decision, which no submission may set.
   */
  @JobWorker(type = "kinerja-appeal-escalated", autoComplete = false)
  public void escalated(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          long appealId = input.integer("appealId");
          boolean reassign = "REASSIGN".equals(input.textOrNull("escalationAction"));
          String newDecider = reassign ? input.text("newDecider").strip() : null;
          appeals.escalated(
              appealId, input.text("followUpNotes"), newDecider, input.textOrNull("completedBy"));
          if (!reassign) {
            return Map.of();
          }
          engine.publishMessage(
              "appeal-reassigned",
              String.valueOf(appealId),
              "appeal-reassigned-" + input.eventKey(),
              Map.of("deciderUsername", newDecider));
          return Map.of("deciderUsername", newDecider);
        });
  }

  /** The superior's final decision; a changed rating takes its predikat from the matrix (DMN). */
  @JobWorker(type = "kinerja-appeal-decided", autoComplete = false)
  public void decided(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Decision decision = input.choice("appealDecision", Decision.class);
          String hasil = null;
          String perilaku = null;
          String predikat = null;
          if (decision == Decision.CHANGED) {
            hasil = input.choice("newRatingHasilKerja", Rating.class).name();
            perilaku = input.choice("newRatingPerilaku", Rating.class).name();
            predikat = matrix.predikat(hasil, perilaku);
          }
          long appealId = input.integer("appealId");
          appeals.decide(
              appealId,
              decision,
              hasil,
              perilaku,
              predikat,
              input.textOrNull("decisionNotes"),
              input.textOrNull("completedBy"));
          Evaluation decided = appeals.evaluationOf(appealId);
          if ("ANNUAL".equals(decided.period())) {
            // the employee's performance year may be waiting for this decision; the message id
            // makes a redelivered job publish nothing twice
            engine.publishMessage(
                "appeal-decided",
                decided.employeeNip() + "-" + decided.periodYear(),
                "appeal-decided-" + appealId,
                Map.of("finalPredikat", String.valueOf(decided.predikat())));
          }
          return Map.of();
        });
  }
}
