package id.kinerja.monitoring;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.coaching.CoachingStarts;
import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import id.kinerja.monitoring.CheckIns.Gap;
import id.kinerja.review.Indicator.Tipe;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Workers of processes/monitoring.bpmn. Public: the job worker annotation processor calls them. */
@Component
public class MonitoringWorker {

  private static final LocalTime MORNING = LocalTime.of(8, 0);

  private final Jobs jobs;
  private final CheckIns checkIns;
  private final CoachingStarts starts;
  private final Holidays holidays;

  MonitoringWorker(Jobs jobs, CheckIns checkIns, CoachingStarts starts, Holidays holidays) {
    this.jobs = jobs;
    this.holidays = holidays;
    this.checkIns = checkIns;
    this.starts = starts;
  }

  /**
   * One row per indicator of the approved SKP, for the employee to fill in (a number against a
   * quantitative target, a narrative against a qualitative indicator's expected result), and the
   * check-in's dates: due checkinWorkingDays working days after month end (end of that day), the
   * employee reminded the next working day, the rater told raterNoticeWorkingDays working days
   * after the due date (08:00), in the agency's zone.
   */
  @JobWorker(type = "kinerja-checkin-prepare", autoComplete = false)
  public void prepare(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          var items = new ArrayList<Map<String, Object>>();
          for (Object result : input.list("hasilKerja")) {
            if (result instanceof Map<?, ?> row
                && row.get("indikator") instanceof List<?> indicators) {
              for (Object indicator : indicators) {
                if (indicator instanceof Map<?, ?> iki) {
                  var item = new LinkedHashMap<String, Object>();
                  Tipe tipe = Tipe.of(iki.get("tipe"));
                  item.put("jenis", row.get("jenis"));
                  item.put("tipe", tipe.name());
                  item.put("iki", iki.get("iki"));
                  if (tipe == Tipe.KUALITATIF) {
                    // reported with a narrative against the described result, no number
                    item.put("hasilDiharapkan", iki.get("hasilDiharapkan"));
                  } else {
                    item.put("target", iki.get("target"));
                    item.put("satuan", iki.get("satuan"));
                    item.put("lowerIsBetter", Boolean.TRUE.equals(iki.get("lowerIsBetter")));
                  }
                  items.add(item);
                }
              }
            }
          }
          ZoneOffset zone = input.zoneOffset();
          LocalDate monthEnd =
              LocalDate.of(input.integer("periodYear"), input.integer("month"), 1)
                  .plusMonths(1)
                  .minusDays(1);
          LocalDate due = holidays.workingDaysAfter(monthEnd, days(input, "checkinWorkingDays"));
          LocalDate raterDay =
              holidays.workingDaysAfter(due, days(input, "raterNoticeWorkingDays"));
          return Map.of(
              "checkinItems",
              items,
              "checkinDue",
              due.atTime(LocalTime.of(23, 59, 59)).atOffset(zone).toString(),
              "lateReminderAt",
              holidays.workingDaysAfter(due, 1).atTime(MORNING).atOffset(zone).toString(),
              "raterNoticeAt",
              raterDay.atTime(MORNING).atOffset(zone).toString());
        });
  }

  private static int days(JobInput input, String name) {
    int days = input.integer(name);
    if (days < 1 || days > 60) {
      throw JobInput.invalid(name, "a number of working days from 1 to 60", days);
    }
    return days;
  }

  @JobWorker(type = "kinerja-checkin-recorded", autoComplete = false)
  public void recorded(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          int month = input.integer("month");
          List<Object> items = input.list("checkinItems");
          Object threshold = input.all().get("gapThreshold");
          if (!(threshold instanceof Number number)
              || number.doubleValue() < 0
              || number.doubleValue() >= 1) {
            throw JobInput.invalid(
                "gapThreshold", "a share from 0 to below 1 (e.g. 0.2)", threshold);
          }
          Gap gap =
              CheckIns.gap(
                  items,
                  month,
                  input.integer("firstMonth", 1),
                  new BigDecimal(threshold.toString()));
          checkIns.record(
              input.eventKey(),
              input.text("employeeNip"),
              input.integer("periodYear"),
              input.integer("post", 1),
              month,
              items,
              input.textOrNull("feedbackHasilKerja"),
              input.textOrNull("feedbackPerilaku"), // the form of check-ins given before
              BerAkhlak.perValue(input.all().get("feedbackPerValue"), "feedback"),
              gap);
          return Map.of("gap", gap.found(), "gapSummary", gap.summary());
        });
  }

  /**
   * The rater's decision on a gap (bimbingan or konseling, with a plan) is kept, and the coaching
   * process starts: its assignment worker chooses the coach or counsellor and tells both people.
   */
  @JobWorker(type = "kinerja-coaching-recorded", autoComplete = false)
  public void coaching(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          String kind = input.text("coachingKind");
          checkIns.recordCoaching(
              input.eventKey(),
              input.text("employeeNip"),
              input.integer("periodYear"),
              input.integer("month"),
              kind,
              input.text("coachingPlan"),
              input.textOrNull("completedBy"));
          // once per step: a redelivered job finds the coaching it started
          starts.start(
              new CoachingStarts.Request(
                  input.eventKey(),
                  input.text("employeeNip"),
                  input.text("employeeUsername"),
                  input.textOrNull("raterUsername"),
                  input.integer("periodYear"),
                  "GAP",
                  kind));
          return Map.of();
        });
  }
}
