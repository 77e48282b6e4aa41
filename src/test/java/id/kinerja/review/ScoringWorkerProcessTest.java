package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.support.InMemoryEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny process (src/test/resources/bpmn/curve-check.bpmn: the kurva-distribusi decision, then a
 * kinerja-check-curve service task) on the in-memory engine, with a job worker that runs the
 * production handler {@link ScoringWorker#checkCurve(io.camunda.client.api.worker.JobClient,
 * io.camunda.client.api.response.ActivatedJob)}: the variables round-trip through the engine.
 */
class ScoringWorkerProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static CamundaClient camunda;
  private static JobWorker jobWorker;

  @BeforeAll
  static void deployAndOpenWorker() {
    Decisions.client()
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/curve-check.bpmn")
        .send()
        .join();
    camunda =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(InMemoryEngine.gatewayAddress()))
            .restAddress(URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(false)
            .build();
    ScoringWorker worker = ScoringWorkerTest.worker();
    jobWorker =
        camunda
            .newWorker()
            .jobType(ScoringWorker.CHECK_CURVE)
            .handler(worker::checkCurve)
            .pollInterval(Duration.ofMillis(50))
            .open();
  }

  @AfterAll
  static void closeWorker() {
    jobWorker.close();
    camunda.close();
  }

  private static long start(Map<String, Object> variables) {
    return Decisions.client()
        .newCreateInstanceCommand()
        .bpmnProcessId("test-curve-check")
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static RecordStream records() {
    return RecordStream.of(InMemoryEngine.get().getRecordStreamSource());
  }

  private static boolean completed(long processInstanceKey) {
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .anyMatch(
            r ->
                r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                    && r.getValue().getProcessInstanceKey() == processInstanceKey);
  }

  /** The last value the process instance's variable was set to, parsed from JSON. */
  private static Object variable(long processInstanceKey, String name) throws Exception {
    String json =
        StreamSupport.stream(records().variableRecords().spliterator(), false)
            .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
            .filter(r -> r.getValue().getName().equals(name))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("No variable " + name))
            .getValue()
            .getValue();
    return JSON.readValue(json, Object.class);
  }

  @Test
  void violationsRoundTripThroughTheProcess() throws Exception {
    long key =
        start(
            Map.of(
                "unitPredikat",
                "ISTIMEWA",
                "predikatList",
                List.of("SANGAT_BAIK", "SANGAT_BAIK", "SANGAT_BAIK", "BAIK")));

    await().atMost(Duration.ofSeconds(20)).until(() -> completed(key));

    assertThat(variable(key, "curveOk")).isEqualTo(false);
    @SuppressWarnings("unchecked")
    var violations = (List<Map<String, Object>>) variable(key, "curveViolations");
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0))
        .containsEntry("code", "ISTIMEWA_SB_MAKS")
        .containsEntry("actualCount", 3)
        .containsEntry("total", 4)
        .containsEntry("limit", 2)
        .containsEntry("percent", 70)
        .containsEntry(
            "message",
            "Predikat Sangat Baik paling banyak 70% pegawai unit, yaitu 2 dari 4 orang; saat ini 3"
                + " orang.")
        .containsEntry(
            "messageEn",
            "Very Good must be at most 70% of the unit, that is 2 of 4 people; currently 3.");
    // the rows came from the kurva-distribusi decision
    assertThat((List<?>) variable(key, "curveConstraints")).hasSize(2);
  }

  @Test
  void fittingDistributionCompletesWithCurveOk() throws Exception {
    long key =
        start(
            Map.of(
                "unitPredikat",
                "BAIK",
                "predikatList",
                List.of("BAIK", "BAIK", "SANGAT_BAIK", "BUTUH_PERBAIKAN")));

    await().atMost(Duration.ofSeconds(20)).until(() -> completed(key));

    assertThat(variable(key, "curveOk")).isEqualTo(true);
    assertThat(variable(key, "curveViolations")).isEqualTo(List.of());
  }

  @Test
  void unknownUnitPredikatFailsTheJobWithoutRetriesAndAReadableIncident() {
    long key = start(Map.of("unitPredikat", "ISTIMEWAH", "predikatList", List.of("BAIK")));

    Record<IncidentRecordValue> incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> incident(key), Optional::isPresent)
            .orElseThrow();

    String expected =
        "Variabel proses 'unitPredikat' bernilai 'ISTIMEWAH'; yang diharapkan: salah satu dari"
            + " ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG. / Process variable"
            + " 'unitPredikat' is 'ISTIMEWAH'; expected: one of ISTIMEWA, BAIK, BUTUH_PERBAIKAN,"
            + " KURANG, SANGAT_KURANG.";
    assertThat(incident.getValue().getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
    assertThat(incident.getValue().getErrorMessage()).isEqualTo(expected);
    Record<JobRecordValue> failed =
        StreamSupport.stream(records().jobRecords().spliterator(), false)
            .filter(r -> r.getIntent() == JobIntent.FAILED)
            .filter(r -> r.getValue().getProcessInstanceKey() == key)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getValue().getRetries()).isZero();
    assertThat(failed.getValue().getErrorMessage()).isEqualTo(expected);
    assertThat(completed(key)).isFalse();
  }

  private static Optional<Record<IncidentRecordValue>> incident(long processInstanceKey) {
    return StreamSupport.stream(records().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .findFirst();
  }
}
