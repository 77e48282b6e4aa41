package id.kinerja.appeal;

import id.kinerja.appeal.Appeals.Decision;
import id.kinerja.engine.JobInput;
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
  private final PredikatMatrix matrix;

  AppealWorker(Appeals appeals, PredikatMatrix matrix) {
    this.appeals = appeals;
    this.matrix = matrix;
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
          appeals.decide(
              input.integer("appealId"),
              decision,
              hasil,
              perilaku,
              predikat,
              input.textOrNull("decisionNotes"),
              input.textOrNull("completedBy"));
          return Map.of();
        });
  }
}
