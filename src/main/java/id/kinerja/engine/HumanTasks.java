package id.kinerja.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.Engine.HumanTask;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;

/** Reads a job-worker user task's properties from the headers Zeebe puts on its job. */
final class HumanTasks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "io.camunda.zeebe:";

  private HumanTasks() {}

  static HumanTask of(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    return new HumanTask(
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getProcessDefinitionKey(),
        job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(),
        job.getElementId(),
        job.getElementInstanceKey(),
        headers.get(PREFIX + "assignee"),
        list(headers.get(PREFIX + "candidateGroups")),
        list(headers.get(PREFIX + "candidateUsers")),
        headers.get(PREFIX + "dueDate"),
        headers.get(PREFIX + "followUpDate"),
        headers.get(PREFIX + "formKey"),
        job.getVariablesAsMap());
  }

  /** Candidate lists arrive as JSON arrays in a string header. */
  private static List<String> list(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(header, new TypeReference<List<String>>() {});
    } catch (Exception e) {
      return List.of(header.split("\\s*,\\s*"));
    }
  }
}
