package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against the rules of its Camunda Form (form-js schema) on the server, so that
 * what the browser checked cannot be skipped. Components hidden by a condition are not required:
 * their FEEL conditions are evaluated in the browser only.
 */
@Component
public class FormValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Set<String> CHOICE_TYPES = Set.of("select", "radio");
  private static final Set<String> MULTI_CHOICE_TYPES = Set.of("checklist", "taglist");

  /**
   * One broken rule: the field's path (e.g. hasilKerja[0].rhk), a message code and its argument.
   */
  public record FieldError(String field, String code, Object argument) {}

  public List<FieldError> validate(JsonNode schema, Map<String, Object> values) {
    var errors = new ArrayList<FieldError>();
    validateComponents(schema.path("components"), values, "", errors);
    return errors;
  }

  @SuppressWarnings("unchecked")
  private void validateComponents(
      JsonNode components, Map<String, Object> values, String prefix, List<FieldError> errors) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("dynamiclist".equals(type) || ("group".equals(type) && component.hasNonNull("path"))) {
        String path = component.path("path").asText();
        Object nested = values.get(path);
        if ("group".equals(type)) {
          if (nested instanceof Map<?, ?> map) {
            validateComponents(
                component.path("components"),
                (Map<String, Object>) map,
                prefix + path + ".",
                errors);
          }
        } else if (nested instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
              validateComponents(
                  component.path("components"),
                  (Map<String, Object>) item,
                  prefix + path + "[" + i + "].",
                  errors);
            }
          }
        }
      } else if (component.has("components")) {
        validateComponents(component.path("components"), values, prefix, errors); // plain group
      } else if (component.hasNonNull("key")) {
        String key = component.path("key").asText();
        validateField(component, type, values.get(key), prefix + key, errors);
      }
    }
  }

  private void validateField(
      JsonNode component, String type, Object value, String field, List<FieldError> errors) {
    JsonNode rules = component.path("validate");
    boolean readonly =
        component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
    boolean conditional = component.has("conditional");
    if (isEmpty(value)) {
      if (rules.path("required").asBoolean(false) && !readonly && !conditional) {
        errors.add(new FieldError(field, "required", null));
      }
      return;
    }
    if ("number".equals(type)) {
      BigDecimal number = number(value);
      if (number == null) {
        errors.add(new FieldError(field, "number", null));
        return;
      }
      if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
        errors.add(new FieldError(field, "min", rules.get("min").asText()));
      }
      if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
        errors.add(new FieldError(field, "max", rules.get("max").asText()));
      }
      return;
    }
    if (CHOICE_TYPES.contains(type) && component.has("values")) {
      if (!allowedValues(component).contains(String.valueOf(value))) {
        errors.add(new FieldError(field, "choice", value));
      }
      return;
    }
    if (MULTI_CHOICE_TYPES.contains(type) && component.has("values")) {
      Set<String> allowed = allowedValues(component);
      if (!(value instanceof Collection<?> chosen)
          || !chosen.stream().map(String::valueOf).allMatch(allowed::contains)) {
        errors.add(new FieldError(field, "choice", value));
      }
      return;
    }
    if ("filepicker".equals(type)) {
      // uploaded first (POST /api/tasks/{id}/evidence); the field holds their references
      if (!(value instanceof Collection<?> files)
          || !files.stream()
              .allMatch(f -> f instanceof Map<?, ?> m && m.get("evidenceId") != null)) {
        errors.add(new FieldError(field, "files", null));
      }
      return;
    }
    if ("checkbox".equals(type)) {
      if (!(value instanceof Boolean)) {
        errors.add(new FieldError(field, "boolean", null));
      }
      return;
    }
    String text = String.valueOf(value);
    if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
      errors.add(new FieldError(field, "minLength", rules.get("minLength").asInt()));
    }
    if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
      errors.add(new FieldError(field, "maxLength", rules.get("maxLength").asInt()));
    }
    if (rules.hasNonNull("pattern") && !matches(rules.get("pattern").asText(), text)) {
      errors.add(new FieldError(field, "pattern", rules.get("pattern").asText()));
    }
    if ("email".equals(rules.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
      errors.add(new FieldError(field, "email", null));
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return true; // a broken pattern is the form's fault, not the person's
    }
  }

  private static Set<String> allowedValues(JsonNode component) {
    var allowed = new HashSet<String>();
    component.path("values").forEach(v -> allowed.add(v.path("value").asText()));
    return allowed;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
