package id.kinerja.review;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Workers of processes/feedback-360.bpmn. Public: the job worker annotation processor calls them.
 */
@Component
public class Feedback360Worker {

  private static final String ANNUAL = "ANNUAL";

  private final Jobs jobs;
  private final Feedback360 feedback;
  private final FeedbackRounds rounds;
  private final Organisation organisation;

  Feedback360Worker(
      Jobs jobs, Feedback360 feedback, FeedbackRounds rounds, Organisation organisation) {
    this.jobs = jobs;
    this.feedback = feedback;
    this.rounds = rounds;
    this.organisation = organisation;
  }

  /**
   * Peers (same rater) and subordinates from the org tree, as options for the rater to pick; the
   * round's deadline (roundDeadline, set by the process) is kept for the rating that waits for it.
   */
  @JobWorker(type = "kinerja-feedback-proposals", autoComplete = false)
  public void proposals(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Employee employee =
              organisation
                  .byNip(input.text("employeeNip"))
                  .orElseThrow(
                      () ->
                          JobInput.invalid(
                              "employeeNip", "the NIP of an employee", input.text("employeeNip")));
          var options = new ArrayList<Map<String, Object>>();
          organisation
              .rater(employee)
              .ifPresent(
                  rater ->
                      organisation.subordinates(rater).stream()
                          .filter(p -> p.id() != employee.id() && p.username() != null)
                          .forEach(
                              p ->
                                  options.add(
                                      Map.of(
                                          "label",
                                          p.name() + " (rekan kerja)",
                                          "value",
                                          p.username()))));
          organisation.subordinates(employee).stream()
              .filter(p -> p.username() != null)
              .forEach(
                  p ->
                      options.add(Map.of("label", p.name() + " (bawahan)", "value", p.username())));
          String deadline = input.textOrNull("roundDeadline");
          if (deadline != null) {
            rounds.deadline(
                employee.nip(),
                input.integer("periodYear"),
                period(input),
                OffsetDateTime.parse(deadline).toInstant());
          }
          return Map.of("respondentOptions", options);
        });
  }

  @JobWorker(type = "kinerja-feedback-recorded", autoComplete = false)
  public void recorded(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String nip = input.text("employeeNip");
          String respondent = input.text("respondent");
          Map<String, Integer> scores = new LinkedHashMap<>();
          for (String value : BerAkhlak.VALUES) {
            int score = input.integer(value);
            if (score < 1 || score > 5) {
              throw JobInput.invalid(value, "a score from 1 to 5", score);
            }
            scores.put(value, score);
          }
          Employee employee = organisation.byNip(nip).orElseThrow();
          String source =
              organisation
                      .byUsername(respondent)
                      .flatMap(organisation::rater)
                      .map(r -> r.id() == employee.id())
                      .orElse(false)
                  ? "SUBORDINATE"
                  : "PEER";
          feedback.record(
              input.eventKey(),
              nip,
              input.integer("periodYear"),
              period(input),
              source,
              respondent,
              scores,
              input.textOrNull("feedbackComment"));
          return Map.of();
        });
  }

  @JobWorker(type = "kinerja-feedback-aggregate", autoComplete = false)
  public void aggregate(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input ->
            Map.of(
                "feedback360",
                feedback.summary(
                    input.text("employeeNip"), input.integer("periodYear"), period(input))));
  }

  /** The round closed (answered or by its deadline): a rating waiting for it goes on. */
  @JobWorker(type = "kinerja-feedback-round-closed", autoComplete = false)
  public void closed(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          rounds.close(input.text("employeeNip"), input.integer("periodYear"), period(input));
          return Map.of();
        });
  }

  /** The round's period; rounds started before rounds had one were the annual ones. */
  private static String period(JobInput input) {
    String period = input.textOrNull("period");
    return period == null ? ANNUAL : period;
  }
}
