package id.kinerja.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.Engine.DefinitionKind;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Checks BPMN, DMN and form files before they reach the engine, so that a process owner gets a
 * reason in plain words instead of a process that cannot run: unreadable files, XML entities,
 * service tasks no worker handles, user tasks without an existing form, missing decisions.
 */
@Component
public class ResourceValidator {

  static final String DMN_NAMESPACE_PREFIX = "https://www.omg.org/spec/DMN/";
  private static final Pattern DOCTYPE =
      Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobTypeRegistry jobTypes;

  ResourceValidator(JobTypeRegistry jobTypes) {
    this.jobTypes = jobTypes;
  }

  /** Form and decision ids the files may refer to besides those in the batch itself. */
  public record KnownIds(Set<String> formIds, Set<String> decisionIds) {}

  public List<Problem> validate(List<ProcessResource> batch, KnownIds known) {
    var problems = new ArrayList<Problem>();
    var formIds = new HashSet<>(known.formIds());
    var decisionIds = new HashSet<>(known.decisionIds());
    for (ProcessResource resource : batch) {
      if (resource.kind() == DefinitionKind.FORM) {
        formId(resource, problems)
            .ifPresent(
                id -> {
                  formIds.add(id);
                  validateFormFields(resource, problems);
                });
      } else if (resource.kind() == DefinitionKind.DMN) {
        decisionIds.addAll(decisionIds(resource, problems));
      }
    }
    for (ProcessResource resource : batch) {
      if (resource.kind() == DefinitionKind.BPMN) {
        validateBpmn(resource, formIds, decisionIds, problems);
      }
    }
    return problems;
  }

  static Optional<String> formId(ProcessResource form, List<Problem> problems) {
    JsonNode json;
    try {
      json = JSON.readTree(form.content());
    } catch (JsonProcessingException e) {
      problems.add(Problem.of(form.name(), "form.unreadable", null, e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Problem.of(form.name(), "form.unreadable", null, e.getMessage()));
      return Optional.empty();
    }
    JsonNode id = json == null ? null : json.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      problems.add(Problem.of(form.name(), "form.noId", null, null));
      return Optional.empty();
    }
    if (!json.path("components").isArray()) {
      problems.add(Problem.of(form.name(), "form.noComponents", id.asText(), null));
    }
    return Optional.of(id.asText());
  }

  /**
   * A form's components have one id each and one key per level; no field may be a variable that
   * steers a process (the tasklist would refuse every submission of it).
   */
  private static void validateFormFields(ProcessResource form, List<Problem> problems) {
    JsonNode root;
    try {
      root = JSON.readTree(form.content());
    } catch (IOException e) {
      return; // reported by formId
    }
    // form-js refuses a form whose ids repeat, the form's own id included: the page stays blank
    var ids = new HashSet<String>();
    if (root.path("id").isTextual()) {
      ids.add(root.path("id").asText());
    }
    checkComponents(form, root.path("components"), ids, true, problems);
  }

  private static void checkComponents(
      ProcessResource form,
      JsonNode components,
      Set<String> ids,
      boolean top,
      List<Problem> problems) {
    var keys = new HashSet<String>();
    for (JsonNode component : components) {
      String id = component.path("id").asText(null);
      if (id != null && !ids.add(id)) {
        problems.add(Problem.of(form.name(), "form.duplicateId", id, null));
      }
      String key = component.path(component.has("path") ? "path" : "key").asText(null);
      if (key != null && !keys.add(key)) {
        problems.add(Problem.of(form.name(), "form.duplicateKey", key, null));
      }
      if (key != null && top && SteeringVariables.isSteering(key)) {
        problems.add(Problem.of(form.name(), "form.steeringField", key, null));
      }
      if (component.has("components")) {
        // a plain group shares its parent's level; a dynamic list or a group with a path has its
        // own
        boolean ownLevel = component.has("path");
        checkComponents(form, component.path("components"), ids, top && !ownLevel, problems);
      }
    }
  }

  static List<String> decisionIds(ProcessResource dmn, List<Problem> problems) {
    if (hasDoctype(dmn, problems)) {
      return List.of();
    }
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(dmn.content()))
              .getDocumentElement();
      if (!"definitions".equals(root.getLocalName())
          || root.getNamespaceURI() == null
          || !root.getNamespaceURI().startsWith(DMN_NAMESPACE_PREFIX)) {
        problems.add(Problem.of(dmn.name(), "dmn.notDmn", null, root.getNamespaceURI()));
        return List.of();
      }
      var ids = new ArrayList<String>();
      var decisions = root.getElementsByTagNameNS("*", "decision");
      for (int i = 0; i < decisions.getLength(); i++) {
        ids.add(((Element) decisions.item(i)).getAttribute("id"));
      }
      if (ids.isEmpty()) {
        problems.add(Problem.of(dmn.name(), "dmn.noDecision", null, null));
      }
      return ids;
    } catch (Exception e) {
      problems.add(Problem.of(dmn.name(), "xml.unreadable", null, e.getMessage()));
      return List.of();
    }
  }

  private void validateBpmn(
      ProcessResource bpmn, Set<String> formIds, Set<String> decisionIds, List<Problem> problems) {
    if (hasDoctype(bpmn, problems)) {
      return;
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
    } catch (RuntimeException e) {
      problems.add(Problem.of(bpmn.name(), "bpmn.unreadable", null, rootMessage(e)));
      return;
    }
    if (model.getModelElementsByType(Process.class).stream().noneMatch(Process::isExecutable)) {
      problems.add(Problem.of(bpmn.name(), "bpmn.notExecutable", null, null));
    }
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) ->
                results.stream()
                    .filter(r -> r.getType() == ValidationResultType.ERROR)
                    .forEach(
                        r ->
                            problems.add(
                                Problem.of(
                                    bpmn.name(), "bpmn.invalid", idOf(element), r.getMessage()))));
    for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      String type = task.getType();
      String processId = processOf(task);
      if (type == null || type.startsWith("=")) {
        problems.add(Problem.of(bpmn.name(), "bpmn.dynamicJobType", owner(task), type));
      } else if (!jobTypes.jobTypes().contains(type)) {
        problems.add(Problem.of(bpmn.name(), "bpmn.unknownJobType", owner(task), type));
      } else if (!jobTypes.mayUse(processId, type)) {
        problems.add(
            Problem.of(
                bpmn.name(),
                "bpmn.jobTypeNotAllowed",
                owner(task),
                type
                    + "|"
                    + processId
                    + "|"
                    + String.join(", ", jobTypes.grantedJobTypes(processId))));
      }
    }
    for (ZeebeCalledElement call : model.getModelElementsByType(ZeebeCalledElement.class)) {
      String called = call.getProcessId();
      if (called == null || !jobTypes.mayCall(processOf(call), called)) {
        problems.add(
            Problem.of(
                bpmn.name(),
                "bpmn.callNotAllowed",
                owner(call),
                String.join("|", String.valueOf(called), processOf(call))));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      validateUserTask(bpmn, task, formIds, problems);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
      if (decision != null
          && !decision.getDecisionId().startsWith("=")
          && !decisionIds.contains(decision.getDecisionId())) {
        problems.add(
            Problem.of(
                bpmn.name(), "bpmn.unknownDecision", task.getId(), decision.getDecisionId()));
      }
    }
  }

  private static void validateUserTask(
      ProcessResource bpmn, UserTask task, Set<String> formIds, List<Problem> problems) {
    if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
      // Camunda user tasks need the Orchestration Cluster API; our tasklist collects job-worker
      // ones.
      problems.add(Problem.of(bpmn.name(), "bpmn.camundaUserTask", task.getId(), null));
      return;
    }
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form == null || form.getFormId() == null || form.getFormId().isBlank()) {
      problems.add(Problem.of(bpmn.name(), "bpmn.userTaskWithoutForm", task.getId(), null));
    } else if (!formIds.contains(form.getFormId())) {
      problems.add(Problem.of(bpmn.name(), "bpmn.unknownForm", task.getId(), form.getFormId()));
    }
  }

  private static boolean hasDoctype(ProcessResource resource, List<Problem> problems) {
    if (DOCTYPE.matcher(resource.text()).find()) {
      problems.add(Problem.of(resource.name(), "xml.doctype", null, null));
      return true;
    }
    return false;
  }

  /** The id of the process an element belongs to (a file may hold several, one per pool). */
  private static String processOf(ModelElementInstance element) {
    var parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "" : ((Process) parent).getId();
  }

  private static String owner(ModelElementInstance task) {
    var parent = task.getParentElement();
    while (parent != null && !(parent instanceof BaseElement)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "" : ((BaseElement) parent).getId();
  }

  private static String idOf(Object element) {
    return element instanceof BaseElement base ? base.getId() : "";
  }

  /** The XML parser's own words, without its location prefix and schema rule codes. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceFirst("^Error: URI=\\S+ ", "").replaceAll("cvc-[\\w.-]+: ", "");
  }
}
