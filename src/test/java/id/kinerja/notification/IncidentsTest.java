package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.Api;
import id.kinerja.support.Processes;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The admin's incidents: a notification step whose recipient does not exist stops with an incident;
 * the admin sees it with its process, step and message, creates the missing user and retries it;
 * the mail goes out and the incident is gone.
 */
class IncidentsTest extends NotificationTest {

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;

  @Test
  void theAdminSeesAStoppedStepAndRetriesItOnceItsCauseIsFixed() {
    String recipient = "newcomer" + System.nanoTime() % 1_000_000;
    long instance = Processes.notificationToNobody(client, recipient);
    var api = new Api(http);

    JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> incidentOf(api, instance), Optional::isPresent)
            .orElseThrow();
    assertThat(incident.path("processId").asText()).isEqualTo("notify-test");
    assertThat(incident.path("elementId").asText()).isEqualTo("notify");
    assertThat(incident.path("message").asText()).contains("recipientUsername", recipient);
    assertThat(incident.path("createdAt").asText()).isNotBlank();
    String key = incident.path("key").asText();

    // only admins see and retry incidents
    assertThat(
            api.as("pegawai1")
                .getForEntity("/api/admin/incidents", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            api.post("pegawai1", "/api/admin/incidents/" + key + "/retry", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    var unknown = api.post("admin", "/api/admin/incidents/12345/retry", null);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().path("detail").asText()).contains("12345");
    assertThat(api.as("admin").getForObject("/admin", String.class)).contains("id=\"incidents\"");

    user(recipient, "en", recipient + "@example.com");
    assertThat(
            api.post("admin", "/api/admin/incidents/" + key + "/retry", null)
                .getStatusCode()
                .value())
        .isEqualTo(204);

    assertThat(awaitMailTo(recipient + "@example.com").subject()).isNotBlank();
    await().atMost(Duration.ofSeconds(20)).until(() -> incidentOf(api, instance).isEmpty());
    assertThat(rowsOf(recipient)).hasSize(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'INCIDENT_RETRIED'"
                        + " and subject_id = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static Optional<JsonNode> incidentOf(Api api, long instance) {
    JsonNode list = api.get("admin", "/api/admin/incidents");
    return StreamSupport.stream(list.spliterator(), false)
        .filter(i -> i.path("processInstanceKey").asText().equals(Long.toString(instance)))
        .findFirst();
  }
}
