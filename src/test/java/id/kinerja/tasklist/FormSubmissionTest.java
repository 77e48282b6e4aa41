package id.kinerja.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.deployment.SteeringVariables;
import id.kinerja.tasklist.FormValidator.FieldError;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form in forms/ against what a submission may set: its own answers pass (samples in
 * src/test/resources/submissions), and everything the form does not offer is refused naming the
 * field: fields it lacks, variables steering its process (as read from processes/), values of the
 * wrong type, changed readonly values and fields its conditions hide.
 */
class FormSubmissionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Path SAMPLES = Path.of("src/test/resources/submissions");

  private final FeelExpressions feel = new FeelExpressions();
  private final FormValidator validator = new FormValidator(feel);

  record Sample(Map<String, Object> task, List<Map<String, Object>> valid) {}

  static Stream<String> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - ".form".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyFormHasSampleAnswers() throws IOException {
    assertThat(forms()).allSatisfy(f -> assertThat(SAMPLES.resolve(f + ".json")).exists());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void theFormsOwnAnswersAreAccepted(String form) throws IOException {
    Sample sample = sample(form);
    for (Map<String, Object> answers : sample.valid()) {
      assertThat(validate(form, sample.task(), answers)).as(answers.toString()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aFieldTheFormDoesNotHaveIsRefusedByName(String form) throws IOException {
    Sample sample = sample(form);
    var answers = new LinkedHashMap<>(sample.valid().getFirst());
    answers.put("bonusTunjangan", 100);

    assertThat(validate(form, sample.task(), answers))
        .containsExactly(new FieldError("bonusTunjangan", "unknown", "bonusTunjangan"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void variablesSteeringItsProcessNeverComeFromASubmission(String form) throws IOException {
    Sample sample = sample(form);
    Set<String> steering = new TreeSet<>(steeringOfProcessesUsing(form));
    steering.addAll(List.of("completedBy", "raterUsername", "employeeNip", "appealId"));
    for (String name : steering) {
      var answers = new LinkedHashMap<>(sample.valid().getFirst());
      answers.put(name, "someone-else");

      assertThat(validate(form, sample.task(), answers))
          .as(name)
          .contains(new FieldError(name, "steering", name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void eachFieldRefusesAValueOfTheWrongType(String form) throws IOException {
    Sample sample = sample(form);
    for (Map<String, Object> answers : sample.valid()) {
      for (Field field : fields(schema(form).path("components"), answers, "")) {
        Map<String, Object> wrong = with(answers, field.path(), wrongValue(field.type()));

        assertThat(validate(form, sample.task(), wrong))
            .as(field.path())
            .extracting(FieldError::field)
            .contains(field.path());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void readonlyFieldsKeepTheValueTheTaskHolds(String form) throws IOException {
    Sample sample = sample(form);
    Map<String, Object> answers = sample.valid().getFirst();
    for (Field field : fields(schema(form).path("components"), answers, "")) {
      if (field.component().path("readonly").asBoolean(false)
          && !field.component().has("conditional")) {
        Object changed = "number".equals(field.type()) ? 1_000_000 : "diubah sendiri";

        assertThat(validate(form, sample.task(), with(answers, field.path(), changed)))
            .as(field.path())
            .contains(new FieldError(field.path(), "readonly", null));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void fieldsTheirConditionHidesCannotBeSent(String form) throws IOException {
    Sample sample = sample(form);
    for (Map<String, Object> answers : sample.valid()) {
      var context = new HashMap<String, Object>(sample.task());
      context.putAll(answers);
      for (JsonNode component : schema(form).path("components")) {
        String hide = component.path("conditional").path("hide").asText(null);
        String key =
            component.has("key") ? component.path("key").asText() : component.path("path").asText();
        if (key.isEmpty()) {
          continue; // a text (the unit head's note on the rating form) holds nothing one could send
        }
        if (hide == null || answers.containsKey(key) || !feel.isTrue(hide, nullFree(context))) {
          continue;
        }
        var sent = new LinkedHashMap<>(answers);
        sent.put(key, "dynamiclist".equals(component.path("type").asText()) ? List.of() : "x");
        context.putAll(sent);

        // a field shown only by the value sent for it (coachProblem = null) is readonly instead
        assertThat(validate(form, sample.task(), sent))
            .as(key)
            .contains(
                new FieldError(
                    key, feel.isTrue(hide, nullFree(context)) ? "hidden" : "readonly", null));
      }
    }
  }

  @Test
  void aChoiceFromAVariableOffersOnlyWhatTheTaskHoldsNotWhatTheSubmissionClaims()
      throws IOException {
    Sample sample = sample("feedback-respondents");
    var answers = new LinkedHashMap<String, Object>();
    answers.put("respondents", List.of("rekan-a", "orang-luar", "rekan-a"));

    assertThat(validate("feedback-respondents", sample.task(), answers))
        .containsExactlyInAnyOrder(
            new FieldError("respondents", "choice", "orang-luar"),
            new FieldError("respondents", "duplicate", "rekan-a"));
  }

  @Test
  void theSuperiorsRhkIsChosenFromTheirApprovedSkpAndTypedOnlyWhileThereIsNone()
      throws IOException {
    Sample sample = sample("skp-draft");
    var task = new HashMap<String, Object>(sample.task());
    String offered = "Meningkatnya keterbukaan informasi publik";
    task.put("rhkAtasanOptions", List.of(Map.of("label", offered, "value", offered)));
    Map<String, Object> typed = sample.valid().getFirst();
    Map<String, Object> chosen = with(typed, "hasilKerja[0].chosenRhkAtasan", offered);
    @SuppressWarnings("unchecked")
    var row = (Map<String, Object>) ((List<Object>) chosen.get("hasilKerja")).getFirst();
    row.remove("rhkAtasan");

    assertThat(validate("skp-draft", task, chosen)).isEmpty();
    assertThat(
            validate(
                "skp-draft", task, with(chosen, "hasilKerja[0].chosenRhkAtasan", "RHK karangan")))
        .containsExactly(new FieldError("hasilKerja[0].chosenRhkAtasan", "choice", "RHK karangan"));
    // the superior has an approved SKP: typing one's own is not offered
    assertThat(validate("skp-draft", task, typed))
        .extracting(FieldError::field, FieldError::code)
        .contains(
            Tuple.tuple("hasilKerja[0].rhkAtasan", "hidden"),
            Tuple.tuple("hasilKerja[0].chosenRhkAtasan", "required"));
  }

  @Test
  void aListWhoseLengthTheFormFixesKeepsItsLength() throws IOException {
    Sample sample = sample("checkin");
    @SuppressWarnings("unchecked")
    var items = new ArrayList<>((List<Object>) sample.valid().getFirst().get("checkinItems"));
    items.add(Map.of("realisasi", 1));

    assertThat(validate("checkin", sample.task(), Map.of("checkinItems", items)))
        .containsExactly(new FieldError("checkinItems", "listSize", 3));
  }

  @Test
  void aConditionReadsTheSubmissionItself() throws IOException {
    Sample sample = sample("appeal-decision");
    Map<String, Object> changed = sample.valid().get(1);
    Map<String, Object> upheld = with(changed, "appealDecision", "UPHELD");

    assertThat(validate("appeal-decision", sample.task(), changed)).isEmpty();
    assertThat(validate("appeal-decision", sample.task(), upheld))
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            Tuple.tuple("newRatingHasilKerja", "hidden"),
            Tuple.tuple("newRatingPerilaku", "hidden"));
  }

  /** A keyed field of the form at a path of the answers (the first row of each list). */
  record Field(String path, String type, JsonNode component) {}

  private static List<Field> fields(
      JsonNode components, Map<String, Object> answers, String prefix) {
    var fields = new ArrayList<Field>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("dynamiclist".equals(type)) {
        String path = component.path("path").asText();
        if (answers.get(path) instanceof List<?> rows && !rows.isEmpty()) {
          fields.add(new Field(prefix + path, type, component));
          @SuppressWarnings("unchecked")
          Map<String, Object> first = (Map<String, Object>) rows.getFirst();
          fields.addAll(fields(component.path("components"), first, prefix + path + "[0]."));
        }
      } else if (component.has("components")) {
        fields.addAll(fields(component.path("components"), answers, prefix));
      } else if (component.has("key") && answers.containsKey(component.path("key").asText())) {
        fields.add(new Field(prefix + component.path("key").asText(), type, component));
      }
    }
    return fields;
  }

  private static Object wrongValue(String type) {
    return switch (type) {
      case "textfield", "textarea" -> 12345;
      case "number" -> "banyak";
      case "checkbox" -> "ya";
      case "radio", "select" -> List.of("UTAMA");
      case "checklist", "taglist" -> "rekan-a";
      case "datetime" -> "10/02/2027";
      case "filepicker" -> "laporan.pdf";
      case "dynamiclist" -> "baris";
      default -> Map.of("x", 1);
    };
  }

  /** The answers with the value at a path (name, or list[index].name) replaced. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> with(Map<String, Object> answers, String path, Object value) {
    Map<String, Object> copy = JSON.convertValue(answers, new TypeReference<>() {});
    Map<String, Object> scope = copy;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      String list = parts[i].substring(0, parts[i].indexOf('['));
      int index = Integer.parseInt(parts[i].replaceAll(".*\\[(\\d+)]", "$1"));
      scope = ((List<Map<String, Object>>) scope.get(list)).get(index);
    }
    scope.put(parts[parts.length - 1], value);
    return copy;
  }

  private List<FieldError> validate(
      String form, Map<String, Object> task, Map<String, Object> answers) throws IOException {
    var steering = new TreeSet<>(steeringOfProcessesUsing(form));
    answers.keySet().stream().filter(SteeringVariables::isSteering).forEach(steering::add);
    return validator.validate(schema(form), task, answers, steering);
  }

  private static final Map<String, Set<String>> STEERING = new HashMap<>();

  /** What the processes of processes/ whose user tasks show this form are steered by. */
  private static Set<String> steeringOfProcessesUsing(String form) throws IOException {
    Set<String> known = STEERING.get(form);
    if (known != null) {
      return known;
    }
    var names = new TreeSet<String>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        if (model.getModelElementsByType(ZeebeFormDefinition.class).stream()
            .anyMatch(d -> form.equals(d.getFormId()))) {
          names.addAll(SteeringVariables.of(model));
        }
      }
    }
    STEERING.put(form, names);
    return names;
  }

  private static JsonNode schema(String form) throws IOException {
    return JSON.readTree(FORMS.resolve(form + ".form").toFile());
  }

  private static Sample sample(String form) throws IOException {
    return JSON.readValue(SAMPLES.resolve(form + ".json").toFile(), Sample.class);
  }

  private static Map<String, Object> nullFree(Map<String, Object> values) {
    var copy = new HashMap<String, Object>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
