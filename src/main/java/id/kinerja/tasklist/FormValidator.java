package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * What a submission may set, derived from its Camunda Form (form-js schema) and checked on the
 * server, so that what the browser allows is all anybody can send: the fields the form declares,
 * except those readonly, disabled or hidden by their condition (FEEL, evaluated against the task's
 * data and the submission as form-js does), with the declared types, choices (also {@code
 * valuesKey} and {@code valuesExpression} options) and rules, in dynamic lists of the declared
 * length. Anything else is refused naming the field; variables that steer the process are refused
 * even where a form declares them.
 */
@Component
public class FormValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
  private static final Pattern TIME =
      Pattern.compile("^\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?$");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2})T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  private static final Set<String> CHOICE_TYPES = Set.of("select", "radio");
  private static final Set<String> MULTI_CHOICE_TYPES = Set.of("checklist", "taglist");
  private static final Set<String> FILE_REFERENCE_KEYS =
      Set.of("evidenceId", "name", "size", "url");

  /** Components that show something but hold no value of their own. */
  static final Set<String> DISPLAY_TYPES =
      Set.of(
          "text",
          "html",
          "image",
          "spacer",
          "separator",
          "button",
          "iframe",
          "table",
          "documentPreview");

  /** Components with a value under their {@code key}. */
  static final Set<String> KEYED_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "taglist",
          "radio",
          "select",
          "datetime",
          "filepicker",
          "expression");

  /**
   * One broken rule: the field's path (e.g. hasilKerja[0].rhk), a message code and its argument.
   */
  public record FieldError(String field, String code, Object argument) {}

  private final FeelExpressions feel;

  FormValidator(FeelExpressions feel) {
    this.feel = feel;
  }

  /**
   * @param taskData the task's variables as the engine gave them (what readonly fields must keep)
   * @param steering variables that steer the process: never accepted from a submission
   */
  public List<FieldError> validate(
      JsonNode schema,
      Map<String, Object> taskData,
      Map<String, Object> submission,
      Set<String> steering) {
    var errors = new ArrayList<FieldError>();
    var allowed = new HashMap<String, Object>(submission);
    for (String key : submission.keySet()) {
      if (steering.contains(key)) {
        errors.add(new FieldError(key, "steering", key));
        allowed.remove(key);
      }
    }
    var root = new HashMap<String, Object>(taskData);
    root.putAll(submission);
    var scope =
        new Scope(taskData, allowed, "", nullFree(root), nullFree(taskData), null, List.of());
    validateScope(schema.path("components"), scope, errors);
    return errors;
  }

  /**
   * The variables a valid submission hands to the engine: the submission, with each row of a list
   * whose rows the form fixes ({@code allowAddRemove: false}) completed by what the task's row
   * holds beyond the form (an indicator's jenis or lowerIsBetter, say): form-js sends only the
   * fields it shows, and nobody may change the rest.
   */
  public Map<String, Object> variables(
      JsonNode schema, Map<String, Object> taskData, Map<String, Object> submission) {
    var variables = new LinkedHashMap<String, Object>(submission);
    completeRows(schema.path("components"), taskData, variables);
    return variables;
  }

  @SuppressWarnings("unchecked")
  private static void completeRows(
      JsonNode components, Map<String, Object> held, Map<String, Object> submitted) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String path = component.path("path").asText();
      if ("dynamiclist".equals(type)
          && submitted.get(path) instanceof List<?> rows
          && held.get(path) instanceof List<?> heldRows) {
        boolean fixed = !component.path("allowAddRemove").asBoolean(true);
        var completed = new ArrayList<Object>();
        for (int i = 0; i < rows.size(); i++) {
          Map<String, Object> heldRow =
              i < heldRows.size() && heldRows.get(i) instanceof Map<?, ?> m
                  ? (Map<String, Object>) m
                  : Map.of();
          var row = new LinkedHashMap<String, Object>(fixed ? heldRow : Map.of());
          row.putAll((Map<String, Object>) rows.get(i));
          completeRows(component.path("components"), heldRow, row);
          completed.add(row);
        }
        submitted.put(path, completed);
      } else if ("group".equals(type)
          && submitted.get(path) instanceof Map<?, ?> group
          && held.get(path) instanceof Map<?, ?> heldGroup) {
        var copy = new LinkedHashMap<String, Object>((Map<String, Object>) group);
        completeRows(component.path("components"), (Map<String, Object>) heldGroup, copy);
        submitted.put(path, copy);
      } else if (component.has("components") && !component.hasNonNull("path")) {
        completeRows(component.path("components"), held, submitted);
      }
    }
  }

  /** One level of data: the root, a group with a path, or one item of a dynamic list. */
  private record Scope(
      Map<String, Object> data,
      Map<String, Object> submitted,
      String prefix,
      Map<String, Object> root,
      Map<String, Object> taskData,
      Map<String, Object> parent,
      List<Integer> indexes) {

    /** The FEEL context of conditions in this scope, named as form-js names them. */
    Map<String, Object> context() {
      var context = new HashMap<String, Object>(root);
      if (!indexes.isEmpty()) {
        Map<String, Object> self = merged(data, submitted);
        for (String name : List.of("this", "_this_")) {
          context.put(name, self);
        }
        for (String name : List.of("parent", "_parent_")) {
          context.put(name, parent == null ? root : parent);
        }
        for (String name : List.of("i", "_i_")) {
          context.put(name, indexes);
        }
      }
      return context;
    }
  }

  private void validateScope(JsonNode components, Scope scope, List<FieldError> errors) {
    var declared = new LinkedHashSet<String>();
    validateComponents(components, scope, false, declared, errors);
    for (String key : scope.submitted().keySet()) {
      if (!declared.contains(key)) {
        errors.add(new FieldError(scope.prefix() + key, "unknown", key));
      }
    }
  }

  private void validateComponents(
      JsonNode components,
      Scope scope,
      boolean hiddenAbove,
      Set<String> declared,
      List<FieldError> errors) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      boolean hidden = hiddenAbove || isHidden(component, scope);
      if (("group".equals(type) && component.hasNonNull("path")) || "dynamiclist".equals(type)) {
        String path = component.path("path").asText();
        declared.add(path);
        validateNested(component, type, path, scope, hidden, errors);
      } else if (component.has("components")) {
        validateComponents(component.path("components"), scope, hidden, declared, errors);
      } else if (component.hasNonNull("key") && !DISPLAY_TYPES.contains(type)) {
        String key = component.path("key").asText();
        declared.add(key);
        validateKeyed(component, type, key, scope, hidden, errors);
      }
    }
  }

  private boolean isHidden(JsonNode component, Scope scope) {
    String hide = component.path("conditional").path("hide").asText(null);
    return hide != null && feel.isTrue(hide, scope.context());
  }

  private boolean isLocked(JsonNode component, Scope scope) {
    JsonNode readonly = component.path("readonly");
    if (readonly.isTextual()) {
      return feel.isTrue(readonly.asText(), scope.context());
    }
    return readonly.asBoolean(false);
  }

  @SuppressWarnings("unchecked")
  private void validateNested(
      JsonNode component,
      String type,
      String path,
      Scope scope,
      boolean hidden,
      List<FieldError> errors) {
    String field = scope.prefix() + path;
    if (!scope.submitted().containsKey(path)) {
      return;
    }
    Object value = scope.submitted().get(path);
    if (hidden) {
      errors.add(new FieldError(field, "hidden", null));
      return;
    }
    if (value == null) {
      return;
    }
    Object existing = scope.data().get(path);
    if ("group".equals(type)) {
      if (!(value instanceof Map<?, ?> map)) {
        errors.add(new FieldError(field, "object", null));
        return;
      }
      Map<String, Object> data =
          existing instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      validateScope(
          component.path("components"),
          new Scope(
              data,
              (Map<String, Object>) map,
              field + ".",
              scope.root(),
              scope.taskData(),
              scope.parent(),
              scope.indexes()),
          errors);
      return;
    }
    if (!(value instanceof List<?> items) || !items.stream().allMatch(i -> i instanceof Map)) {
      errors.add(new FieldError(field, "list", null));
      return;
    }
    List<?> before = existing instanceof List<?> l ? l : List.of();
    if (!component.path("allowAddRemove").asBoolean(true)) {
      int expected =
          existing instanceof List<?>
              ? before.size()
              : component.path("defaultRepetitions").asInt(1);
      if (items.size() != expected) {
        errors.add(new FieldError(field, "listSize", expected));
        return;
      }
    }
    Map<String, Object> self = merged(scope.data(), scope.submitted());
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> data =
          i < before.size() && before.get(i) instanceof Map<?, ?> m
              ? (Map<String, Object>) m
              : Map.of();
      var indexes = new ArrayList<>(scope.indexes());
      indexes.add(i + 1);
      validateScope(
          component.path("components"),
          new Scope(
              data,
              (Map<String, Object>) items.get(i),
              field + "[" + i + "].",
              scope.root(),
              scope.taskData(),
              scope.indexes().isEmpty() ? null : self,
              List.copyOf(indexes)),
          errors);
    }
  }

  private void validateKeyed(
      JsonNode component,
      String type,
      String key,
      Scope scope,
      boolean hidden,
      List<FieldError> errors) {
    String field = scope.prefix() + key;
    boolean present = scope.submitted().containsKey(key);
    Object value = scope.submitted().get(key);
    if (!KEYED_TYPES.contains(type)) {
      if (present) {
        errors.add(new FieldError(field, "unknown", key));
      }
      return;
    }
    if (hidden) {
      if (present) {
        errors.add(new FieldError(field, "hidden", null));
      }
      return;
    }
    if (component.path("disabled").asBoolean(false)) {
      if (present) {
        errors.add(new FieldError(field, "readonly", null));
      }
      return;
    }
    if ("expression".equals(type)) {
      // computed by the form itself: only its own result may come back
      Object computed = feel.evaluate(component.path("expression").asText(), scope.context());
      if (present && !sameValue(value, computed)) {
        errors.add(new FieldError(field, "readonly", null));
      }
      return;
    }
    if (isLocked(component, scope)) {
      if (present && !sameValue(value, scope.data().get(key))) {
        errors.add(new FieldError(field, "readonly", null));
      }
      return;
    }
    JsonNode rules = component.path("validate");
    if (isEmpty(value)) {
      if (rules.path("required").asBoolean(false)) {
        errors.add(new FieldError(field, "required", null));
      }
      if (value != null && !hasEmptyShape(type, value)) {
        errors.add(new FieldError(field, "type", null));
      }
      return;
    }
    validateValue(component, type, value, field, scope, rules, errors);
  }

  private void validateValue(
      JsonNode component,
      String type,
      Object value,
      String field,
      Scope scope,
      JsonNode rules,
      List<FieldError> errors) {
    switch (type) {
      case "number" -> validateNumber(component, value, field, rules, errors);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.add(new FieldError(field, "boolean", null));
        }
      }
      case "radio", "select" -> {
        if (!isScalar(value) || !options(component, scope).contains(String.valueOf(value))) {
          errors.add(new FieldError(field, "choice", isScalar(value) ? value : null));
        }
      }
      case "checklist", "taglist" -> validateChoices(component, value, field, scope, errors);
      case "datetime" -> {
        if (!(value instanceof String text) || !isDateTime(component, text)) {
          errors.add(new FieldError(field, "datetime", null));
        }
      }
      case "filepicker" -> {
        // uploaded first (POST /api/tasks/{id}/evidence); the field holds their references
        if (!(value instanceof Collection<?> files)
            || !files.stream().allMatch(FormValidator::isFileReference)) {
          errors.add(new FieldError(field, "files", null));
        }
      }
      default -> validateText(value, field, rules, errors);
    }
  }

  private static void validateText(
      Object value, String field, JsonNode rules, List<FieldError> errors) {
    if (!(value instanceof String text)) {
      errors.add(new FieldError(field, "text", null));
      return;
    }
    if (text.chars().anyMatch(c -> c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
      // control characters (NUL) no record can keep and no reader can see
      errors.add(new FieldError(field, "characters", null));
      return;
    }
    if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
      errors.add(new FieldError(field, "minLength", rules.get("minLength").asInt()));
    }
    if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
      errors.add(new FieldError(field, "maxLength", rules.get("maxLength").asInt()));
    }
    if (rules.hasNonNull("pattern") && !matches(rules.get("pattern").asText(), text)) {
      errors.add(new FieldError(field, "pattern", rules.get("pattern").asText()));
    }
    String validationType = rules.path("validationType").asText();
    if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
      errors.add(new FieldError(field, "email", null));
    }
    if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
      errors.add(new FieldError(field, "phone", null));
    }
  }

  private static void validateNumber(
      JsonNode component, Object value, String field, JsonNode rules, List<FieldError> errors) {
    BigDecimal number = number(value, component.path("serializeToString").asBoolean(false));
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
  }

  private void validateChoices(
      JsonNode component, Object value, String field, Scope scope, List<FieldError> errors) {
    Set<String> allowed = options(component, scope);
    if (!(value instanceof Collection<?> chosen)
        || !chosen.stream().allMatch(FormValidator::isScalar)) {
      errors.add(new FieldError(field, "choices", null));
      return;
    }
    var seen = new HashSet<String>();
    for (Object choice : chosen) {
      String text = String.valueOf(choice);
      if (!allowed.contains(text)) {
        errors.add(new FieldError(field, "choice", choice));
      } else if (!seen.add(text)) {
        errors.add(new FieldError(field, "duplicate", choice));
      }
    }
  }

  /** The values a choice field offers: fixed, from a variable (valuesKey), or computed (FEEL). */
  private Set<String> options(JsonNode component, Scope scope) {
    var allowed = new HashSet<String>();
    if (component.has("values")) {
      component.path("values").forEach(v -> allowed.add(v.path("value").asText()));
      return allowed;
    }
    Object source = null;
    if (component.hasNonNull("valuesKey")) {
      // options come from the task's data, never from what the submission says they are
      source = scope.taskData().get(component.path("valuesKey").asText());
    } else if (component.hasNonNull("valuesExpression")) {
      source = feel.evaluate(component.path("valuesExpression").asText(), scope.context());
    }
    if (source instanceof Collection<?> values) {
      for (Object option : values) {
        Object v = option instanceof Map<?, ?> m ? m.get("value") : option;
        if (v != null) {
          allowed.add(String.valueOf(v));
        }
      }
    }
    return allowed;
  }

  private static boolean isDateTime(JsonNode component, String text) {
    String subtype = component.path("subtype").asText("date");
    try {
      return switch (subtype) {
        case "time" -> TIME.matcher(text).matches();
        case "datetime" -> {
          var matcher = DATE_TIME.matcher(text);
          yield matcher.matches() && LocalDate.parse(matcher.group(1)) != null;
        }
        default -> LocalDate.parse(text) != null;
      };
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isFileReference(Object file) {
    return file instanceof Map<?, ?> m
        && m.get("evidenceId") instanceof String
        && FILE_REFERENCE_KEYS.containsAll(m.keySet());
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return true; // a broken pattern is the form's fault, not the person's
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  /** An empty value of the field's own kind: "" for text, [] for lists (form-js sends these). */
  private static boolean hasEmptyShape(String type, Object value) {
    if (value instanceof String) {
      return !MULTI_CHOICE_TYPES.contains(type) && !"filepicker".equals(type);
    }
    return MULTI_CHOICE_TYPES.contains(type) || "filepicker".equals(type);
  }

  private static BigDecimal number(Object value, boolean fromString) {
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return null; // NaN or infinite
      }
    }
    if (fromString && value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Whether a submitted value keeps what the task holds: numbers by value, empty as empty, lists
   * and objects member by member.
   */
  static boolean sameValue(Object submitted, Object held) {
    if (isEmpty(submitted) && isEmpty(held)) {
      return true;
    }
    if (submitted instanceof Number a && held instanceof Number b) {
      BigDecimal x = number(a, false);
      BigDecimal y = number(b, false);
      return x != null && y != null && x.compareTo(y) == 0;
    }
    if (submitted instanceof List<?> a && held instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (submitted instanceof Map<?, ?> a && held instanceof Map<?, ?> b) {
      var keys = new HashSet<Object>(a.keySet());
      keys.addAll(b.keySet());
      return keys.stream().allMatch(k -> sameValue(a.get(k), b.get(k)));
    }
    return Objects.equals(submitted, held);
  }

  private static Map<String, Object> merged(Map<String, Object> data, Map<String, Object> over) {
    var merged = new HashMap<String, Object>(data);
    merged.putAll(over);
    return merged;
  }

  /** FEEL reads a missing variable as null; Map.copyOf refuses null values. */
  private static Map<String, Object> nullFree(Map<String, Object> values) {
    var copy = new HashMap<String, Object>();
    values.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
