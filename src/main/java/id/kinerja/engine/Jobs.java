package id.kinerja.engine;

import id.kinerja.platform.DatabaseUnavailable;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the work of the application's job workers and completes their jobs. Unusable input fails the
 * job without retries and with a sentence naming what to fix: an incident a process owner reads and
 * resolves. While the database is away a job is failed without spending a retry and comes back
 * after {@code kinerja.jobs.database-retry-backoff}, again and again until the database is back: an
 * outage never turns into incidents. Other failures spend a retry and are tried again after a
 * pause. The starter's own error handling would put a stack trace into the incident, hence workers
 * use autoComplete = false and this. After each step the {@link StepListener}s hear of it.
 */
@Component
public class Jobs {

  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final List<StepListener> listeners;
  private final Duration databaseRetryBackoff;

  Jobs(
      List<StepListener> listeners,
      @Value("${kinerja.jobs.database-retry-backoff:30s}") Duration databaseRetryBackoff) {
    this.listeners = listeners;
    this.databaseRetryBackoff = databaseRetryBackoff;
  }

  /** Something that wants to know when a process went past one of the application's steps. */
  public interface StepListener {
    void passed(Step step);
  }

  /** A step of a process instance the application's worker has just done. */
  public record Step(long processInstanceKey, String processId, String elementId, Object nip) {}

  public void handle(
      JobClient client, ActivatedJob job, Function<JobInput, Map<String, Object>> work) {
    Map<String, Object> result;
    JobInput input = JobInput.of(job);
    try {
      result = work.apply(input);
    } catch (JobInput.InvalidInput e) {
      client.newFailCommand(job).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.causes(e)) {
        log.warn(
            "Job {} of type {} waits for the database, retry in {}: {}",
            job.getKey(),
            job.getType(),
            databaseRetryBackoff,
            e.getMessage());
        client
            .newFailCommand(job)
            .retries(job.getRetries())
            .errorMessage(job.getType() + " waits for the database")
            .retryBackoff(databaseRetryBackoff)
            .send()
            .join();
        return;
      }
      log.warn("Job {} of type {} failed, will retry", job.getKey(), job.getType(), e);
      client
          .newFailCommand(job)
          .retries(Math.max(job.getRetries() - 1, 0))
          .errorMessage(job.getType() + " failed: " + e.getMessage())
          .retryBackoff(RETRY_BACKOFF)
          .send()
          .join();
      return;
    }
    try {
      client.newCompleteCommand(job).variables(result == null ? Map.of() : result).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.NOT_FOUND) {
        throw e;
      }
      // an earlier delivery of the job completed it (its answer was lost), or the step was
      // interrupted meanwhile; the work is idempotent, so nothing is missing
      log.info("Job {} of type {} was gone when completed", job.getKey(), job.getType());
    }
    Step step =
        new Step(
            job.getProcessInstanceKey(),
            job.getBpmnProcessId(),
            job.getElementId(),
            input.all().get("employeeNip"));
    for (StepListener listener : listeners) {
      try {
        listener.passed(step);
      } catch (RuntimeException e) {
        log.warn("A listener failed on step {} of {}", step.elementId(), step.processId(), e);
      }
    }
  }
}
