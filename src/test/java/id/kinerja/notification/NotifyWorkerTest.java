package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.support.ContextEngine;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The kinerja-notify service task on the real engine in memory. */
class NotifyWorkerTest extends NotificationTest {

  @Autowired CamundaClient client;
  @Autowired ContextEngine contextEngine;
  @Autowired NotificationJobs jobs;

  @BeforeEach
  void deploy() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("notification/notify-test.bpmn")
        .send()
        .join();
  }

  @Test
  void aServiceTaskSendsTheMailAndCompletes() {
    String rater = user("id");
    String employee = user("en");

    long instance =
        start(
            Map.of(
                "notificationType", "TASK_ASSIGNED",
                "recipientUsernames", List.of(rater, employee),
                "link", "/tasks/77",
                "taskName", "Nilai SKP Triwulan I",
                "dueDate", "05-04-2026"));

    var mail = awaitMailTo(email(employee));
    assertThat(mail.subject()).isEqualTo("New task: Nilai SKP Triwulan I");
    assertThat(mail.text())
        .contains("Due: 05-04-2026")
        .contains("https://kinerja.example.go.id/tasks/77");
    assertThat(awaitMailTo(email(rater)).subject()).isEqualTo("Tugas baru: Nilai SKP Triwulan I");
    await().atMost(Duration.ofSeconds(10)).until(() -> completed(instance));

    // the job delivered again (same process and element instance) enqueues nothing new
    OutboxRow row = rowsOf(employee).getFirst();
    String[] keys = row.eventKey().split(":");
    assertThat(Long.parseLong(keys[0])).isEqualTo(instance);
    jobs.enqueue(
        Long.parseLong(keys[0]),
        Long.parseLong(keys[1]),
        Map.of(
            "notificationType", "TASK_ASSIGNED", "recipientUsernames", List.of(rater, employee)));
    assertThat(rowsOf(employee)).hasSize(1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo(email(employee)).size() == 1);
  }

  @Test
  void anUnknownTypeIsAnIncidentNamingTheVariableAndTheAllowedValues() {
    long instance = start(Map.of("notificationType", "REMINDER", "recipientUsername", user("id")));

    String message = awaitIncident(instance);
    assertThat(message)
        .contains("notificationType")
        .contains("REMINDER")
        .contains("TASK_ASSIGNED, DEADLINE_NEAR")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownRecipientIsAnIncidentNamingTheVariable() {
    long instance =
        start(Map.of("notificationType", "DEADLINE_NEAR", "recipientUsername", "nobody-here"));

    assertThat(awaitIncident(instance))
        .contains("recipientUsername")
        .contains("nobody-here")
        .doesNotContain("Exception");
    assertThat(rowsOf("nobody-here")).isEmpty();
  }

  private long start(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("notify-test")
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private boolean completed(long instance) {
    return StreamSupport.stream(
            RecordStream.of(contextEngine.records()).processInstanceRecords().spliterator(), false)
        .anyMatch(r -> r.getKey() == instance && r.getIntent().name().equals("ELEMENT_COMPLETED"));
  }

  private String awaitIncident(long instance) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> incident(instance), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<String> incident(long instance) {
    return StreamSupport.stream(
            RecordStream.of(contextEngine.records()).incidentRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .map(IncidentRecordValue::getErrorMessage)
        .findFirst();
  }
}
