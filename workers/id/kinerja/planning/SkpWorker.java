package id.kinerja.planning;

import id.kinerja.engine.JobInput;
import id.kinerja.planning.SkpRecords.Decision;
import id.kinerja.planning.SkpRecords.Skp;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Public: the job worker annotation processor calls it reflectively. Keeps every SKP drafting and
 * review round of processes/skp-planning.bpmn.
 */
@Component
public class SkpWorker {

  private final SkpRecords records;

  SkpWorker(SkpRecords records) {
    this.records = records;
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
          Skp skp =
              records.recordReview(
                  input.processInstanceKey(),
                  input.eventKey(),
                  input.textOrNull("completedBy"),
                  decision,
                  notes,
                  input.all().get("ekspektasiPerilaku"));
          return Map.of("skpStatus", skp.status());
        });
  }
}
