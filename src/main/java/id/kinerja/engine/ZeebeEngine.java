package id.kinerja.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.platform.DatabaseUnavailable;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.grpc.Status.Code;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link Engine} on the Camunda 8 Java client, talking gRPC to any Zeebe gateway. */
@Component
class ZeebeEngine implements Engine {

  static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(ZeebeEngine.class);

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
      throw new EngineException(describe(e), rejected, e);
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
      // no addresses: health is readable without signing in
      return "Zeebe "
          + topology.getGatewayVersion()
          + ", "
          + topology.getClusterSize()
          + " broker(s), "
          + topology.getPartitionsCount()
          + " partition(s)";
    } catch (RuntimeException e) {
      throw new EngineException(rootMessage(e), false, e);
    }
  }

  @Override
  public Object evaluateDecision(String decisionId, Map<String, Object> variables) {
    String output =
        call(
            () ->
                client
                    .newEvaluateDecisionCommand()
                    .decisionId(decisionId)
                    .variables(variables)
                    .requestTimeout(REQUEST_TIMEOUT)
                    .send()
                    .join()
                    .getDecisionOutput());
    try {
      return JSON.readValue(output, Object.class);
    } catch (IOException e) {
      throw new EngineException(
          "Unreadable output of decision " + decisionId + ": " + output, false, e);
    }
  }

  @Override
  public long startProcess(String processId, Map<String, Object> variables) {
    return call(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables(variables)
                .requestTimeout(REQUEST_TIMEOUT)
                .send()
                .join()
                .getProcessInstanceKey());
  }

  @Override
  public void publishMessage(
      String name, String correlationKey, String messageId, Map<String, Object> variables) {
    retrying(
        () ->
            client
                .newPublishMessageCommand()
                .messageName(name)
                .correlationKey(correlationKey)
                .messageId(messageId)
                .variables(variables)
                .requestTimeout(REQUEST_TIMEOUT)
                .send()
                .join());
  }

  @Override
  public AutoCloseable collectHumanTasks(
      Duration reservation, Collecting collecting, Consumer<HumanTask> handler) {
    JobWorker worker =
        client
            .newWorker()
            .jobType(USER_TASK_JOB_TYPE)
            .handler((jobClient, job) -> collect(jobClient, job, reservation, collecting, handler))
            .name("kinerja-tasklist")
            // held briefly until stored: an instance that dies first hides the task for no longer
            .timeout(collecting.activationTimeout())
            .maxJobsActive(64)
            .pollInterval(collecting.pollInterval())
            .streamEnabled(collecting.streamEnabled())
            .open();
    return () -> BoundedClose.close("The tasklist's job worker", worker, Duration.ofSeconds(10));
  }

  /**
   * Stores the task through the handler, then reserves it for the tasklist (the job stays activated
   * until a person completes it; the reconciler renews it). Should the reservation not go through,
   * the activation timeout hands the task out again and storing it a second time changes nothing.
   */
  private void collect(
      JobClient jobClient,
      ActivatedJob job,
      Duration reservation,
      Collecting collecting,
      Consumer<HumanTask> handler) {
    try {
      handler.accept(HumanTasks.of(job));
    } catch (RuntimeException e) {
      boolean databaseAway = DatabaseUnavailable.causes(e);
      log.warn(
          "The tasklist could not store task {}, it comes back in {}: {}",
          job.getKey(),
          collecting.retryBackoff(),
          e.getMessage());
      jobClient
          .newFailCommand(job)
          .retries(databaseAway ? job.getRetries() : Math.max(job.getRetries() - 1, 0))
          .errorMessage("The tasklist could not store the task: " + rootMessage(e))
          .retryBackoff(collecting.retryBackoff())
          .send()
          .join();
      return;
    }
    client.newUpdateTimeoutCommand(job.getKey()).timeout(reservation).send().join();
  }

  @Override
  public void completeHumanTask(long taskKey, Map<String, Object> variables) {
    try {
      retrying(
          () ->
              client
                  .newCompleteCommand(taskKey)
                  .variables(variables)
                  .requestTimeout(REQUEST_TIMEOUT)
                  .send()
                  .join());
    } catch (EngineException e) {
      if (e.getCause() instanceof ClientStatusException status
          && status.getStatusCode() == Code.NOT_FOUND) {
        throw new TaskGoneException(taskKey, e);
      }
      throw e;
    }
  }

  @Override
  public boolean renewHumanTask(long taskKey, Duration reservation) {
    Code renewed =
        refusal(
            () ->
                client
                    .newUpdateTimeoutCommand(taskKey)
                    .timeout(reservation)
                    .requestTimeout(REQUEST_TIMEOUT)
                    .send()
                    .join());
    if (renewed == null) {
      return true;
    }
    // A task whose reservation ran out (the application was down) is not activated, so its
    // timeout cannot be renewed; setting its retries tells whether it still exists at all.
    Code probed =
        refusal(
            () ->
                client
                    .newUpdateRetriesCommand(taskKey)
                    .retries(1)
                    .requestTimeout(REQUEST_TIMEOUT)
                    .send()
                    .join());
    return probed != Code.NOT_FOUND;
  }

  /** Runs the command; returns null when it went through, else the engine's refusal code. */
  private static Code refusal(Runnable command) {
    try {
      retrying(command);
      return null;
    } catch (EngineException e) {
      if (e.getCause() instanceof ClientStatusException status
          && (status.getStatusCode() == Code.NOT_FOUND
              || status.getStatusCode() == Code.FAILED_PRECONDITION)) {
        return status.getStatusCode();
      }
      throw e;
    }
  }

  /**
   * Runs an idempotent command, again when the gateway is briefly unavailable (e.g. while a new
   * partition leader is elected).
   */
  private static void retrying(Runnable command) {
    for (int attempt = 1; ; attempt++) {
      try {
        command.run();
        return;
      } catch (ClientStatusException e) {
        boolean transientFailure =
            e.getStatusCode() == Code.UNAVAILABLE
                || e.getStatusCode() == Code.ABORTED
                || e.getStatusCode() == Code.RESOURCE_EXHAUSTED;
        if (!transientFailure || attempt == 3) {
          throw new EngineException(describe(e), e.getStatusCode() == Code.INVALID_ARGUMENT, e);
        }
        pause(attempt);
      } catch (RuntimeException e) {
        throw new EngineException(rootMessage(e), false, e);
      }
    }
  }

  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (ClientStatusException e) {
      throw new EngineException(describe(e), e.getStatusCode() == Code.INVALID_ARGUMENT, e);
    } catch (RuntimeException e) {
      throw new EngineException(rootMessage(e), false, e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The gateway's description, or at least its status code (some refusals carry no text). */
  private static String describe(ClientStatusException e) {
    String description = e.getStatus().getDescription();
    return description == null ? e.getStatusCode().name() : description;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
