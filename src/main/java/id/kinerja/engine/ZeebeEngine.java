package id.kinerja.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@link Engine} on the Camunda 8 Java client, talking gRPC to any Zeebe gateway. */
@Component
class ZeebeEngine implements Engine {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;

  ZeebeEngine(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Deployment deploy(List<ResourceFile> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("Nothing to deploy");
    }
    var command =
        client
            .newDeployResourceCommand()
            .addResourceBytes(files.get(0).content(), files.get(0).name());
    for (ResourceFile file : files.subList(1, files.size())) {
      command = command.addResourceBytes(file.content(), file.name());
    }
    DeploymentEvent event;
    try {
      event = command.requestTimeout(REQUEST_TIMEOUT).send().join();
    } catch (ClientStatusException e) {
      boolean rejected = e.getStatusCode() == Code.INVALID_ARGUMENT;
      throw new EngineException(e.getStatus().getDescription(), rejected, e);
    } catch (RuntimeException e) {
      throw new EngineException(rootMessage(e), false, e);
    }
    var definitions = new ArrayList<DeployedDefinition>();
    event
        .getProcesses()
        .forEach(
            p ->
                definitions.add(
                    new DeployedDefinition(
                        DefinitionKind.BPMN,
                        p.getResourceName(),
                        p.getBpmnProcessId(),
                        p.getVersion(),
                        p.getProcessDefinitionKey())));
    var drdResources = new HashMap<Long, String>();
    event
        .getDecisionRequirements()
        .forEach(r -> drdResources.put(r.getDecisionRequirementsKey(), r.getResourceName()));
    event
        .getDecisions()
        .forEach(
            d ->
                definitions.add(
                    new DeployedDefinition(
                        DefinitionKind.DMN,
                        drdResources.get(d.getDecisionRequirementsKey()),
                        d.getDmnDecisionId(),
                        d.getVersion(),
                        d.getDecisionKey())));
    event
        .getForm()
        .forEach(
            f ->
                definitions.add(
                    new DeployedDefinition(
                        DefinitionKind.FORM,
                        f.getResourceName(),
                        f.getFormId(),
                        f.getVersion(),
                        f.getFormKey())));
    return new Deployment(event.getKey(), definitions);
  }

  @Override
  public String describeTopology() {
    try {
      var topology =
          client.newTopologyRequest().requestTimeout(Duration.ofSeconds(5)).send().join();
      return topology.getBrokers().stream()
          .map(
              b ->
                  b.getAddress()
                      + " ("
                      + b.getPartitions().size()
                      + " partitions, "
                      + b.getVersion()
                      + ")")
          .collect(Collectors.joining(", "));
    } catch (RuntimeException e) {
      throw new EngineException(rootMessage(e), false, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
