package id.kinerja.engine;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a job's variables for a worker. A missing or wrong variable fails the job without retries,
 * with a sentence naming the variable and what was expected: an incident a process owner can read
 * and resolve, never a stack trace.
 */
public final class JobInput {

  private static final Logger log = LoggerFactory.getLogger(JobInput.class);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final ActivatedJob job;
  private final Map<String, Object> variables;

  private JobInput(ActivatedJob job) {
    this.job = job;
    this.variables = job.getVariablesAsMap();
  }

  public static JobInput of(ActivatedJob job) {
    return new JobInput(job);
  }

  /** Identifies this delivery of the job's step: the same on every redelivery of the job. */
  public String eventKey() {
    return job.getProcessInstanceKey() + ":" + job.getElementInstanceKey();
  }

  public long processInstanceKey() {
    return job.getProcessInstanceKey();
  }

  public Map<String, Object> all() {
    return variables;
  }

  public String text(String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      throw invalid(name, "a text", value);
    }
    return value.toString();
  }

  public String textOrNull(String name) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  public int integer(String name) {
    Object value = variables.get(name);
    if (value instanceof Number number && number.doubleValue() == number.intValue()) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw invalid(name, "a whole number", value);
    }
  }

  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    Object value = variables.get(name);
    try {
      return Enum.valueOf(type, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw invalid(name, "one of " + Arrays.toString(type.getEnumConstants()), value);
    }
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    Object value = variables.get(name);
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw invalid(name, "a list", value);
  }

  public static RuntimeException invalid(String name, String expected, Object actual) {
    return new InvalidInput(
        "Variable '"
            + name
            + "' must be "
            + expected
            + " but is "
            + (actual == null ? "missing" : "'" + actual + "'"));
  }

  /** A job the worker cannot do as things are; the sentence says what a person has to fix. */
  public static RuntimeException unusable(String sentence) {
    return new InvalidInput(sentence);
  }

  /**
   * Runs a worker's work and completes the job with its result. Unusable input fails the job
   * without retries and with the sentence above: an incident a process owner reads and resolves.
   * Other failures (the database briefly away) are retried after a pause. The starter's own error
   * handling would put a stack trace into the incident, hence workers use autoComplete = false.
   */
  public static void handle(
      JobClient client, ActivatedJob job, Function<JobInput, Map<String, Object>> work) {
    Map<String, Object> result;
    try {
      result = work.apply(of(job));
    } catch (InvalidInput e) {
      client.newFailCommand(job).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    } catch (RuntimeException e) {
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
  }

  /** Variables a worker cannot use: retrying cannot help. */
  static final class InvalidInput extends RuntimeException {
    InvalidInput(String message) {
      super(message);
    }
  }
}
