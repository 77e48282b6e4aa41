package id.kinerja.planning;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.engine.EngineClock;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.organisation.Employee;
import id.kinerja.planning.SkpRecords.Decision;
import id.kinerja.planning.SkpRecords.Skp;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers of processes/skp-planning.bpmn: keep every SKP drafting and review round. Public: the job
 * worker annotation processor calls it reflectively.
 */
@Component
public class SkpPlanningWorker {

  private final Jobs jobs;
  private final SkpRecords records;
  private final Notifications notifications;
  private final TransactionTemplate transactions;
  private final EngineClock clock;
  private final SkpAlignment alignment;

  SkpPlanningWorker(
      Jobs jobs,
      SkpRecords records,
      Notifications notifications,
      TransactionTemplate transactions,
      EngineClock clock,
      SkpAlignment alignment) {
    this.jobs = jobs;
    this.records = records;
    this.notifications = notifications;
    this.transactions = transactions;
    this.clock = clock;
    this.alignment = alignment;
  }

  @JobWorker(type = "kinerja-skp-submitted", autoComplete = false)
  public void submitted(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          Map<String, Object> content = new LinkedHashMap<>();
          content.put("hasilKerja", Cascading.asRecorded(input.list("hasilKerja")));
          for (String lampiran :
              new String[] {"dukunganSumberDaya", "skemaPertanggungjawaban", "konsekuensi"}) {
            content.put(lampiran, input.textOrNull(lampiran));
          }
          Skp skp =
              records.recordDraft(
                  input.processInstanceKey(),
                  input.text("employeeNip"),
                  input.integer("periodYear"),
                  input.integer("post", 1),
                  input.eventKey(),
                  input.textOrNull("completedBy"),
                  input.text("approach"),
                  content);
          return Map.of("skpId", skp.id(), "skpStatus", skp.status());
        });
  }

  @JobWorker(type = "kinerja-skp-reviewed", autoComplete = false)
  public void reviewed(JobClient client, ActivatedJob job) {
    jobs.handle(
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
                            BerAkhlak.perValue(
                                input.all().get("ekspektasiPerilaku"), "ekspektasi"));
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
                    if (decision == Decision.APPROVE) {
                      tellFlagged(alignment.flagDependents(recorded), input, recorded);
                    }
                    return recorded;
                  });
          var out = new LinkedHashMap<String, Object>();
          out.put("skpStatus", skp.status());
          if (decision == Decision.RETURN) {
            out.put("revisionDueDate", revisionDue(input));
          }
          return out;
        });
  }

  /** The people whose approved SKP supports an RHK the rater's newly approved SKP has not. */
  private void tellFlagged(SkpAlignment.Flagged flagged, JobInput input, Skp raterSkp) {
    for (Employee person : flagged.people()) {
      if (person.username() != null && notifications.canNotify(person.username())) {
        notifications.enqueue(
            new NotificationRequest(
                input.eventKey() + ":alignment",
                NotificationType.SKP_ALIGNMENT,
                person.username(),
                Map.of("periodYear", raterSkp.periodYear(), "raterName", flagged.raterName()),
                "/my/skp"));
      }
    }
  }

  /** A returned SKP is due revisionPeriod [C] after today, at the end of the day. */
  private String revisionDue(JobInput input) {
    ZoneOffset zone = input.zoneOffset();
    Period period;
    try {
      period = Period.parse(input.text("revisionPeriod"));
    } catch (DateTimeParseException e) {
      throw JobInput.invalid(
          "revisionPeriod", "a period such as P7D", input.text("revisionPeriod"));
    }
    return LocalDate.ofInstant(clock.now(), zone)
        .plus(period)
        .atTime(LocalTime.of(23, 59, 59))
        .atOffset(zone)
        .toString();
  }
}
