package id.kinerja.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.KinerjaApplication;
import id.kinerja.deployment.DeploymentRecords;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskStore;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default run mode on the real Zeebe 8.6 broker: the application starts the broker as a child
 * process, deploys the folders, reports the engine in its health, and after a restart finds the
 * same versions and the running instances again.
 */
@Disabled("moves from the broker distribution to the sandbox engine (issue 9)")
class EmbeddedBrokerTest {

  @TempDir Path work;

  @Test
  void startsTheBrokerKeepsVersionsAndInstancesAcrossRestarts() throws Exception {
    Files.createDirectories(work.resolve("processes"));
    Files.createDirectories(work.resolve("forms"));
    Files.writeString(
        work.resolve("forms/tanggapan.form"),
        """
        {"id": "tanggapan", "type": "default", "components": [{"type": "textfield", "key": "isi", "label": "Isi"}]}""");
    Files.writeString(
        work.resolve("processes/tanggapan.bpmn"),
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("tanggapan")
                .startEvent()
                .userTask("tulis", t -> t.name("Tulis tanggapan").zeebeFormId("tanggapan"))
                .endEvent()
                .done()));

    long instanceKey;
    try (var app = start()) {
      assertThat(health(app))
          .contains("\"engine\":{\"status\":\"UP\"")
          .contains("\"db\":{\"status\":\"UP\"");
      assertThat(
              app.getBean(DeploymentRecords.class)
                  .versions(Engine.DefinitionKind.BPMN)
                  .get("tanggapan"))
          .singleElement()
          .extracting(DeploymentRecords.DefinitionVersion::version)
          .isEqualTo(1);
      instanceKey =
          app.getBean(CamundaClient.class)
              .newCreateInstanceCommand()
              .bpmnProcessId("tanggapan")
              .latestVersion()
              .variables(Map.of("nip", "198503302010011002"))
              .send()
              .join()
              .getProcessInstanceKey();
      EngineClock clock = app.getBean(EngineClock.class);
      clock.advance(Duration.ofDays(10));
      assertThat(clock.now()).isAfter(Instant.now().plus(Duration.ofDays(10)).minusSeconds(60));
    }

    try (var app = start()) {
      var versions =
          app.getBean(DeploymentRecords.class)
              .versions(Engine.DefinitionKind.BPMN)
              .get("tanggapan");
      assertThat(versions)
          .extracting(DeploymentRecords.DefinitionVersion::version)
          .containsExactly(1);
      // the instance is still waiting at its human step: the task is in the tasklist and the
      // engine still holds it
      long taskKey =
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(45))
              .until(() -> openTaskOf(app, instanceKey), java.util.Optional::isPresent)
              .orElseThrow();
      assertThat(app.getBean(Engine.class).renewHumanTask(taskKey, Duration.ofMinutes(1))).isTrue();
    }
  }

  /** The open task of the instance, whoever it is offered to. */
  private static java.util.Optional<Long> openTaskOf(
      ConfigurableApplicationContext app, long instanceKey) {
    return app.getBean(TaskStore.class).ofInstance(instanceKey).stream()
        .filter(t -> t.state() == TaskRow.TaskState.OPEN)
        .map(TaskRow::key)
        .findFirst();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KinerjaApplication.class)
        .profiles("test")
        // command-line arguments, so that they win over the test profile's remote engine
        .run(
            "--server.port=0",
            "--kinerja.engine.mode=embedded",
            // ports apart from a developer's running application
            "--kinerja.engine.embedded.gateway-port=26600",
            "--kinerja.engine.embedded.command-port=26601",
            "--kinerja.engine.embedded.internal-port=26602",
            "--kinerja.engine.embedded.rest-port=26603",
            "--kinerja.engine.embedded.management-port=26604",
            "--kinerja.engine.embedded.data-dir=" + work.resolve("zeebe"),
            "--kinerja.engine.embedded.log-file=" + work.resolve("broker.log"),
            "--kinerja.resources.processes-dir=" + work.resolve("processes"),
            "--kinerja.resources.forms-dir=" + work.resolve("forms"));
  }

  private static String health(ConfigurableApplicationContext app)
      throws IOException, InterruptedException {
    String port = app.getEnvironment().getProperty("local.server.port");
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
