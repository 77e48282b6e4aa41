package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.deployment.DeploymentRecords;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the tasklist needs from deployed files: task names from the BPMN and form schemas. Deployed
 * versions never change, so both are cached by the engine's key.
 */
@Component
class ProcessDocuments {

  private final DeploymentRecords records;
  private final ObjectMapper json;
  private final Map<Long, Map<String, String>> elementNames = new ConcurrentHashMap<>();
  private final Map<Long, JsonNode> forms = new ConcurrentHashMap<>();

  ProcessDocuments(DeploymentRecords records, ObjectMapper json) {
    this.records = records;
    this.json = json;
  }

  /** The element's name as the process owner wrote it, or its id when it has none. */
  String elementName(long processDefinitionKey, String elementId) {
    Map<String, String> names =
        elementNames.computeIfAbsent(processDefinitionKey, key -> readNames(key));
    String name = names.get(elementId);
    return name == null || name.isBlank() ? elementId : name;
  }

  Optional<String> bpmnXml(long processDefinitionKey) {
    return records.contentByKey(processDefinitionKey);
  }

  /** The form-js schema of a task's form; the header holds the deployed form's key. */
  Optional<JsonNode> formSchema(String formKey) {
    if (formKey == null || !formKey.matches("\\d+")) {
      return Optional.empty();
    }
    long key = Long.parseLong(formKey);
    JsonNode cached = forms.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<JsonNode> schema = records.contentByKey(key).map(this::parse);
    schema.ifPresent(s -> forms.put(key, s));
    return schema;
  }

  private Map<String, String> readNames(long processDefinitionKey) {
    var names = new HashMap<String, String>();
    records
        .contentByKey(processDefinitionKey)
        .ifPresent(
            xml ->
                Bpmn.readModelFromStream(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getModelElementsByType(FlowElement.class)
                    .forEach(e -> names.put(e.getId(), e.getName())));
    return names;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("Deployed form is not JSON", e);
    }
  }
}
