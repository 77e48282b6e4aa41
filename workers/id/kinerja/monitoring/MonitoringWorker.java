package id.kinerja.monitoring;

import id.kinerja.coaching.CoachingStarts;
import id.kinerja.engine.JobInput;
import id.kinerja.monitoring.CheckIns.Gap;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Workers of processes/monitoring.bpmn. Public: the job worker annotation processor calls them. */
@Component
public class MonitoringWorker {

  private final CheckIns checkIns;
  private final CoachingStarts starts;

  MonitoringWorker(CheckIns checkIns, CoachingStarts starts) {
    this.checkIns = checkIns;
    this.starts = starts;
  }

  /** One row per indicator of the approved SKP, for the employee to fill in. */
  @JobWorker(type = "kinerja-checkin-prepare", autoComplete = false)
  public void prepare(JobClient client, ActivatedJob job) {
    JobInput.handle(
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
                  item.put("jenis", row.get("jenis"));
                  item.put("iki", iki.get("iki"));
                  item.put("target", iki.get("target"));
                  item.put("satuan", iki.get("satuan"));
                  item.put("lowerIsBetter", Boolean.TRUE.equals(iki.get("lowerIsBetter")));
                  items.add(item);
                }
              }
            }
          }
          return Map.of("checkinItems", items);
        });
  }

  @JobWorker(type = "kinerja-checkin-recorded", autoComplete = false)
  public void recorded(JobClient client, ActivatedJob job) {
    JobInput.handle(
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
          Gap gap = CheckIns.gap(items, month, new BigDecimal(threshold.toString()));
          checkIns.record(
              input.eventKey(),
              input.text("employeeNip"),
              input.integer("periodYear"),
              month,
              items,
              input.textOrNull("feedbackHasilKerja"),
              input.textOrNull("feedbackPerilaku"),
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
    JobInput.handle(
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
