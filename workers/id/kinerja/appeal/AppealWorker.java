package id.kinerja.appeal;

import id.kinerja.appeal.Appeals.Decision;
import id.kinerja.engine.Engine;
import id.kinerja.engine.JobInput;
import id.kinerja.review.Evaluations;
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

  private final Appeals appeals;
  private final Evaluations evaluations;
  private final PredikatMatrix matrix;
  private final Engine engine;

  AppealWorker(Appeals appeals, Evaluations evaluations, PredikatMatrix matrix, Engine engine) {
    this.appeals = appeals;
    this.evaluations = evaluations;
    this.matrix = matrix;
    this.engine = engine;
  }

  /**
   * After the appeal window of an annual result (performance-year.bpmn): the final predikat, and
   * whether an appeal is still to be decided.
   */
  @JobWorker(type = "kinerja-result-final", autoComplete = false)
  public void resultFinal(JobClient client, ActivatedJob job) {
    JobInput.handle(
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

  @JobWorker(type = "kinerja-appeal-explained", autoComplete = false)
  public void explained(JobClient client, ActivatedJob job) {
    JobInput.handle(
        client,
        job,
        input -> {
          appeals.explain(input.integer("appealId"), input.text("explanation"));
          return Map.of();
        });
  }

  /** The superior's final decision; a changed rating takes its predikat from the matrix (DMN). */
  @JobWorker(type = "kinerja-appeal-decided", autoComplete = false)
  public void decided(JobClient client, ActivatedJob job) {
    JobInput.handle(
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
