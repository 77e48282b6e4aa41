package id.kinerja.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents process owners open in Camunda Modeler, as its linter and the guide want them:
 * Camunda 8.8, every shape and edge drawn, every event and activity named (inside subprocesses
 * too), every form readable by form-js and used, and every process with a test of its own.
 */
class ProcessFilesTest {

  static Stream<Path> processes() throws IOException {
    return files("processes", ".bpmn");
  }

  static Stream<Path> forms() throws IOException {
    return files("forms", ".form");
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (var list = Files.list(Path.of(folder))) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyElementIsNamedAndDrawnForCamunda88(Path file) throws IOException {
    assertThat(Files.readString(file)).contains("modeler:executionPlatformVersion=\"8.8.0\"");
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(s -> s.getBpmnElement().getId())
            .collect(Collectors.toSet());
    model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId())
        .forEach(drawn::add);
    var unnamed = new ArrayList<String>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!(node instanceof Gateway) && (node.getName() == null || node.getName().isBlank())) {
        unnamed.add(node.getId());
      }
    }
    assertThat(unnamed).as("elements without a name in " + file).isEmpty();
    List<String> undrawn =
        Stream.concat(
                model.getModelElementsByType(FlowNode.class).stream(),
                model.getModelElementsByType(SequenceFlow.class).stream())
            .map(BaseElement::getId)
            .filter(id -> !drawn.contains(id))
            .toList();
    assertThat(undrawn).as("elements without a shape or edge in " + file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyProcessHasATestOfItsOwn(Path file) throws IOException {
    String name = file.getFileName().toString().replace(".bpmn", "");
    String test =
        Stream.of(name.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining())
            + "ProcessTest.java";
    try (var sources = Files.walk(Path.of("src/test/java"))) {
      assertThat(sources.map(p -> p.getFileName().toString())).contains(test);
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFormIsReadableByFormJsAndUsedByAProcess(Path file) throws IOException {
    var problems = new ArrayList<Problem>();
    var resource = ProcessResource.of(file.getFileName().toString(), Files.readAllBytes(file));
    String formId = ResourceValidator.formId(resource, problems).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(Files.readString(file)).contains("\"executionPlatformVersion\": \"8.8.0\"");
    var used = new ArrayList<String>();
    for (Path process : processes().toList()) {
      Bpmn.readModelFromFile(process.toFile()).getModelElementsByType(UserTask.class).stream()
          .map(t -> t.getSingleExtensionElement(ZeebeFormDefinition.class))
          .filter(f -> f != null)
          .map(ZeebeFormDefinition::getFormId)
          .forEach(used::add);
    }
    assertThat(used).as("user tasks with form " + formId).contains(formId);
  }
}
