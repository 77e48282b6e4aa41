package id.kinerja.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the same sandbox engine (its launcher, classpath and JVM options as the application
 * starts it), with no application, completing as many process instances and jobs as the
 * application's year did. One minimal process of as many service tasks in a row as the year had
 * jobs per instance, a minimal worker that completes each job at once, and as many concurrent
 * starters as the benchmark has users.
 */
final class BareEngine {

  record Result(
      long instances,
      long jobs,
      int jobsPerInstance,
      double seconds,
      long peakResidentBytes,
      Map<String, Object> counts) {}

  static Result run(long instances, long jobs, int concurrency, String heap, Path log)
      throws Exception {
    int gateway = Application.freePort();
    int control = Application.freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms256m", "-Xmx" + heap));
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-Dlogback.configurationFile=id/kinerja/sandbox/logback.xml");
    command.add("-cp");
    command.add(
        Path.of("target/test-classes").toAbsolutePath()
            + ":"
            + Files.readString(Path.of("target/sandbox-engine.classpath")).strip());
    command.add("id.kinerja.sandbox.SandboxEngine");
    command.add(Integer.toString(gateway));
    command.add(Integer.toString(control));
    Process engine =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    var http = HttpClient.newHttpClient();
    URI status = URI.create("http://127.0.0.1:" + control + "/engine");
    try {
      awaitUp(http, status, engine);
      int perInstance = (int) Math.max(1, Math.round((double) jobs / Math.max(1, instances)));
      try (CamundaClient client =
          CamundaClient.newClientBuilder()
              .grpcAddress(URI.create("http://127.0.0.1:" + gateway))
              .preferRestOverGrpc(false)
              .defaultRequestTimeout(Duration.ofMinutes(2))
              .build()) {
        AbstractFlowNodeBuilder<?, ?> flow =
            Bpmn.createExecutableProcess("bench-bare").startEvent("start");
        for (int i = 1; i <= perInstance; i++) {
          flow = flow.serviceTask("job-" + i, t -> t.zeebeJobType("bench-job"));
        }
        client
            .newDeployResourceCommand()
            .addProcessModel(flow.endEvent("end").done(), "bench-bare.bpmn")
            .send()
            .join();
        var completed = new AtomicLong();
        long start = System.nanoTime();
        try (JobWorker worker =
            client
                .newWorker()
                .jobType("bench-job")
                .handler(
                    (jobClient, job) -> {
                      jobClient.newCompleteCommand(job).send().join();
                      completed.incrementAndGet();
                    })
                .maxJobsActive(32)
                .pollInterval(Duration.ofMillis(100))
                .open()) {
          var started = new AtomicLong();
          try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < concurrency; c++) {
              done.add(
                  starters.submit(
                      () -> {
                        while (started.incrementAndGet() <= instances) {
                          client
                              .newCreateInstanceCommand()
                              .bpmnProcessId("bench-bare")
                              .latestVersion()
                              .withResult()
                              .requestTimeout(Duration.ofMinutes(2))
                              .send()
                              .join();
                        }
                        return null;
                      }));
            }
            for (Future<?> f : done) {
              f.get();
            }
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = Application.peakResidentBytes(engine.pid());
        Map<String, Object> counts =
            Browser.JSON.readValue(
                http.send(
                        HttpRequest.newBuilder(URI.create(status + "/counts")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body(),
                Map.class);
        return new Result(instances, completed.get(), perInstance, seconds, peak, counts);
      }
    } finally {
      engine.destroy();
      if (!engine.waitFor(30, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
    }
  }

  private static void awaitUp(HttpClient http, URI status, Process engine) throws Exception {
    for (int i = 0; i < 240; i++) {
      if (!engine.isAlive()) {
        throw new IllegalStateException("The bare sandbox engine exited: " + engine.exitValue());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The bare sandbox engine did not start in 2 minutes");
  }
}
