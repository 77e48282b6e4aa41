package id.kinerja.support;

import static org.awaitility.Awaitility.await;

import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.TaskState;
import id.kinerja.tasklist.TaskStore;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * How long a task the engine ended stays in the lists: from the engine's own record of cancelling
 * the task's job to the tasklist marking it ended. Each figure is appended to
 * target/benchmarks/task-cancel-delay.md for the report.
 */
public final class Cancellations {

  private Cancellations() {}

  /** Waits until the task left the lists; returns the delay and writes it down. */
  public static Duration delay(ContextEngine engine, TaskStore store, long taskKey, String cause) {
    TaskRow ended =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> store.find(taskKey).orElseThrow(), t -> t.state() == TaskState.CANCELED);
    // the tasklist keeps its times by the engine's clock, like the engine's records
    Duration delay =
        Duration.between(
            cancelledInEngine(engine, taskKey), engine.wallTimeOf(ended.endedAt().toEpochMilli()));
    report(cause, delay);
    return delay;
  }

  private static Instant cancelledInEngine(ContextEngine engine, long taskKey) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                StreamSupport.stream(
                        RecordStream.of(engine.records()).jobRecords().spliterator(), false)
                    .filter(r -> r.getKey() == taskKey && r.getIntent() == JobIntent.CANCELED)
                    .findFirst()
                    .map(r -> engine.wallTimeOf(r.getTimestamp())),
            Optional::isPresent)
        .orElseThrow();
  }

  private static void report(String cause, Duration delay) {
    try {
      Path file = Path.of("target/benchmarks/task-cancel-delay.md");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "| " + cause + " | " + delay.toMillis() + " ms |\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
