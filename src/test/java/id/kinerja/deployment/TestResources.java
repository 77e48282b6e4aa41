package id.kinerja.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;

/** Small BPMN and form files for deployment tests. */
final class TestResources {

  private TestResources() {}

  static String form(String id) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"type": "textfield", "key": "note", "label": "Catatan"}]}"""
        .formatted(id);
  }

  static String userTaskProcess(String processId, String formId, String taskName) {
    return xml(
        Bpmn.createExecutableProcess(processId)
            .name("Proses " + processId)
            .startEvent("start")
            .userTask("task", t -> t.name(taskName).zeebeFormId(formId))
            .endEvent("end")
            .done());
  }

  static String serviceTaskProcess(String processId, String jobType) {
    return xml(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(jobType))
            .endEvent()
            .done());
  }

  static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
