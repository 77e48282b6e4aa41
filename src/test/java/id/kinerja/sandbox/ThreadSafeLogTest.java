package id.kinerja.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The sandbox's log, made safe for its concurrent readers, still runs processes. */
class ThreadSafeLogTest {

  @Test
  void theLogIsSwappedBeforeTheEngineStartsAndInstancesRunToTheirEndUnderConcurrentWork() {
    ZeebeTestEngine engine = EngineFactory.create();
    assertThat(ThreadSafeLog.install(engine)).isTrue();
    engine.start();
    try (ZeebeClient client = engine.createClient()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("log-check")
                  .startEvent()
                  .serviceTask("step", t -> t.zeebeJobType("log-check"))
                  .endEvent()
                  .done(),
              "log-check.bpmn")
          .send()
          .join();
      try (var worker =
          client
              .newWorker()
              .jobType("log-check")
              .handler((jobs, job) -> jobs.newCompleteCommand(job).send().join())
              .maxJobsActive(32)
              .pollInterval(Duration.ofMillis(10))
              .open()) {
        var instances = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < 200; i++) {
          instances.add(
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId("log-check")
                  .latestVersion()
                  .withResult()
                  .requestTimeout(Duration.ofSeconds(60))
                  .send()
                  .toCompletableFuture());
        }
        assertThat(CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)))
            .succeedsWithin(Duration.ofSeconds(90));
      }
    } finally {
      engine.stop();
    }
  }
}
