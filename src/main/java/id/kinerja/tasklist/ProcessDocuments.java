package id.kinerja.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.deployment.DeploymentRecords;
import id.kinerja.deployment.SteeringVariables;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the tasklist needs from deployed files: task names and the variables steering the process
 * from the BPMN, and form schemas. Deployed versions never change, so all are cached by the
 * engine's key.
 */
@Component
class ProcessDocuments {

  private final DeploymentRecords records;
  private final ObjectMapper json;
  private final Map<Long, ProcessModel> processes = new ConcurrentHashMap<>();
  private final Map<Long, JsonNode> forms = new ConcurrentHashMap<>();

  ProcessDocuments(DeploymentRecords records, ObjectMapper json) {
    this.records = records;
    this.json = json;
  }

  private record ProcessModel(
      Map<String, String> processNames, Map<String, String> elementNames, Set<String> steering) {}

  /** The process's name as the process owner wrote it, or its id when it has none. */
  String processName(long processDefinitionKey, String processId) {
    String name = process(processDefinitionKey).processNames().get(processId);
    return name == null || name.isBlank() ? processId : name;
  }

  /** The element's name as the process owner wrote it, or its id when it has none. */
  String elementName(long processDefinitionKey, String elementId) {
    String name = process(processDefinitionKey).elementNames().get(elementId);
    return name == null || name.isBlank() ? elementId : name;
  }

  /** Variables the process version routes itself by (see {@link SteeringVariables#of}). */
  Set<String> steeringVariables(long processDefinitionKey) {
    return process(processDefinitionKey).steering();
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

  private ProcessModel process(long processDefinitionKey) {
    ProcessModel process = processes.computeIfAbsent(processDefinitionKey, this::read);
    return process == null ? new ProcessModel(Map.of(), Map.of(), Set.of()) : process;
  }

  private ProcessModel read(long processDefinitionKey) {
    Optional<String> xml = records.contentByKey(processDefinitionKey);
    if (xml.isEmpty()) {
      return null; // not recorded yet: read again next time
    }
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(xml.get().getBytes(StandardCharsets.UTF_8)));
    var processNames = new HashMap<String, String>();
    model
        .getModelElementsByType(Process.class)
        .forEach(p -> processNames.put(p.getId(), p.getName()));
    var names = new HashMap<String, String>();
    model.getModelElementsByType(FlowElement.class).forEach(e -> names.put(e.getId(), e.getName()));
    return new ProcessModel(processNames, names, SteeringVariables.of(model));
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("Deployed form is not JSON", e);
    }
  }
}
