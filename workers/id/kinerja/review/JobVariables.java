package id.kinerja.review;

import static id.kinerja.review.InvalidVariableException.expected;
import static id.kinerja.review.InvalidVariableException.invalid;
import static id.kinerja.review.InvalidVariableException.missing;
import static id.kinerja.review.InvalidVariableException.oneOf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads a job's variables (as the JSON-mapped map the client gives) and throws {@link
 * InvalidVariableException} naming the variable and what is allowed when one cannot be used. {@code
 * name} is the path shown to the process owner, e.g. {@code indicators[2].target}.
 */
final class JobVariables {

  private JobVariables() {}

  static <E extends Enum<E>> E requireEnum(
      Map<?, ?> variables, String key, String name, Class<E> type) {
    return enumValue(variables.get(key), name, type);
  }

  static <E extends Enum<E>> E enumValue(Object value, String name, Class<E> type) {
    if (value == null) {
      throw missing(name, oneOf(type));
    }
    try {
      return Enum.valueOf(type, value.toString().trim());
    } catch (IllegalArgumentException e) {
      throw invalid(name, value, oneOf(type));
    }
  }

  static List<?> requireList(
      Map<?, ?> variables, String key, String name, DefaultMessageSourceResolvable expected) {
    Object value = variables.get(key);
    if (value == null) {
      throw missing(name, expected);
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(name, value, expected);
    }
    return list;
  }

  /**
   * A number from min to max (max may be null for no upper bound); null when absent and optional.
   */
  static BigDecimal number(
      Map<?, ?> variables,
      String key,
      String name,
      BigDecimal min,
      BigDecimal max,
      boolean optional) {
    DefaultMessageSourceResolvable expected =
        max == null ? expected("nonNegative") : expected("number", min, max);
    Object value = variables.get(key);
    if (value == null) {
      if (optional) {
        return null;
      }
      throw missing(name, expected);
    }
    BigDecimal number;
    try {
      number =
          value instanceof Number || value instanceof String
              ? new BigDecimal(value.toString().trim())
              : null;
    } catch (NumberFormatException e) {
      number = null;
    }
    if (number == null || number.compareTo(min) < 0 || (max != null && number.compareTo(max) > 0)) {
      throw invalid(name, value, expected);
    }
    return number;
  }

  static boolean optionalBoolean(Map<?, ?> variables, String key, String name) {
    Object value = variables.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw invalid(name, value, expected("boolean"));
  }

  static Map<?, ?> requireObject(
      Object value, String name, DefaultMessageSourceResolvable expected) {
    if (value == null) {
      throw missing(name, expected);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(name, value, expected);
    }
    return map;
  }
}
