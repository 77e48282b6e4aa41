package id.kinerja.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a job's variables for a worker. A missing or wrong variable fails the job without retries
 * ({@link Jobs#handle}), with a sentence naming the variable and what was expected: an incident a
 * process owner can read and resolve, never a stack trace.
 */
public final class JobInput {

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

  /** A whole number, or the fallback when the variable is missing. */
  public int integer(String name, int fallback) {
    return variables.get(name) == null ? fallback : integer(name);
  }

  /** The agency's time zone the process works in (zoneOffset, e.g. "+09:00"). */
  public ZoneOffset zoneOffset() {
    String offset = text("zoneOffset");
    try {
      return ZoneOffset.of(offset);
    } catch (DateTimeException e) {
      throw invalid("zoneOffset", "an offset such as +08:00", offset);
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

  /** Variables a worker cannot use: retrying cannot help. */
  static final class InvalidInput extends RuntimeException {
    InvalidInput(String message) {
      super(message);
    }
  }
}
