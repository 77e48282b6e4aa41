package id.kinerja.planning;

import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.planning.SkpRecords.Decision;
import id.kinerja.planning.SkpRecords.Skp;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public: the job worker annotation processor calls it reflectively. Keeps every SKP drafting and
 * review round of processes/skp-planning.bpmn.
 */
@Component
public class SkpWorker {

  private final SkpRecords records;
  private final Periods periods;
  private final EngineClock clock;
  private final Notifications notifications;
  private final TransactionTemplate transactions;

  SkpWorker(
      SkpRecords records,
      Periods periods,
      EngineClock clock,
      Notifications notifications,
      TransactionTemplate transactions) {
    this.records = records;
    this.periods = periods;
    this.clock = clock;
    this.notifications = notifications;
    this.transactions = transactions;
  }

  @JobWorker(type = "kinerja-skp-submitted", autoComplete = false)
  public void submitted(JobClient client, ActivatedJob job) {
    JobInput.handle(
        client,
        job,
        input -> {
          Map<String, Object> content = new LinkedHashMap<>();
          content.put("hasilKerja", input.list("hasilKerja"));
          for (String lampiran :
              new String[] {"dukunganSumberDaya", "skemaPertanggungjawaban", "konsekuensi"}) {
            content.put(lampiran, input.textOrNull(lampiran));
          }
          Skp skp =
              records.recordDraft(
                  input.processInstanceKey(),
                  input.text("employeeNip"),
                  input.integer("periodYear"),
                  input.eventKey(),
                  input.textOrNull("completedBy"),
                  input.text("approach"),
                  content);
          return Map.of("skpId", skp.id(), "skpStatus", skp.status());
        });
  }

  @JobWorker(type = "kinerja-skp-reviewed", autoComplete = false)
  public void reviewed(JobClient client, ActivatedJob job) {
    JobInput.handle(
        client,
        job,
        input -> {
          Decision decision = input.choice("decision", Decision.class);
          // notes of an earlier return stay in the process variables; they belong to returns only
          String notes = decision == Decision.RETURN ? input.textOrNull("reviewNotes") : null;
          String employee = input.text("employeeUsername");
          // the decision and the message to the employee are kept together or not at all
          Skp skp =
              transactions.execute(
                  status -> {
                    Skp recorded =
                        records.recordReview(
                            input.processInstanceKey(),
                            input.eventKey(),
                            input.textOrNull("completedBy"),
                            decision,
                            notes,
                            input.all().get("ekspektasiPerilaku"));
                    if (notifications.canNotify(employee)) {
                      notifications.enqueue(
                          new NotificationRequest(
                              input.eventKey(),
                              decision == Decision.RETURN
                                  ? NotificationType.SKP_RETURNED
                                  : NotificationType.SKP_APPROVED,
                              employee,
                              Map.of(
                                  "periodYear",
                                  recorded.periodYear(),
                                  "notes",
                                  notes == null ? "" : notes),
                              decision == Decision.RETURN ? "/tasks" : "/my/skp"));
                    }
                    return recorded;
                  });
          return Map.of("skpStatus", skp.status());
        });
  }

  /** Mutasi: the SKP of the old post is closed; realisasi recorded so far stays with it. */
  @JobWorker(type = "kinerja-skp-close", autoComplete = false)
  public void close(JobClient client, ActivatedJob job) {
    JobInput.handle(
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

  /** The year in this post ran its course: planned, monitored to December, the result received. */
  @JobWorker(type = "kinerja-year-close", autoComplete = false)
  public void yearClosed(JobClient client, ActivatedJob job) {
    JobInput.handle(
        client,
        job,
        input -> {
          periods.completed(input.processInstanceKey(), clock.now());
          return Map.of();
        });
  }
}
