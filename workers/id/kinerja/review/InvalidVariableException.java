package id.kinerja.review;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A job's process variable is missing or holds a value the worker cannot use. The worker fails the
 * job without retries, so that it becomes an incident whose message the process owner can read.
 */
class InvalidVariableException extends RuntimeException {

  private final DefaultMessageSourceResolvable problem;

  private InvalidVariableException(DefaultMessageSourceResolvable problem) {
    // for logs only; the readable text comes from the message bundle (ScoringWorker#message)
    super(problem.getCode() + " " + Arrays.toString(problem.getArguments()));
    this.problem = problem;
  }

  /** The problem as a message key with arguments (review.variable.*). */
  DefaultMessageSourceResolvable problem() {
    return problem;
  }

  static InvalidVariableException missing(
      String variable, DefaultMessageSourceResolvable expected) {
    return new InvalidVariableException(
        new DefaultMessageSourceResolvable(
            new String[] {"review.variable.missing"}, new Object[] {variable, expected}));
  }

  static InvalidVariableException invalid(
      String variable, Object value, DefaultMessageSourceResolvable expected) {
    return new InvalidVariableException(
        new DefaultMessageSourceResolvable(
            new String[] {"review.variable.invalid"},
            new Object[] {variable, String.valueOf(value), expected}));
  }

  static DefaultMessageSourceResolvable expected(String what, Object... args) {
    return new DefaultMessageSourceResolvable(
        new String[] {"review.variable.expected." + what}, args);
  }

  static DefaultMessageSourceResolvable oneOf(Class<? extends Enum<?>> type) {
    return expected(
        "oneOf",
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
