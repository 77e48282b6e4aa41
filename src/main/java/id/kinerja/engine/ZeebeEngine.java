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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/** {@link Engine} on the Camunda 8 Java client, talking gRPC to any Zeebe gateway. */
@Component
class ZeebeEngine implements Engine {

  static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A retried job gets the retries a BPMN service task of Kinerja starts with. */
  private static final int RETRIES_AFTER_INCIDENT = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(ZeebeEngine.class);

  private final CamundaClient client;
  private final IncidentSource incidents;
  private final RetryTemplate idempotent;
  private final RetryTemplate backPressure;

  /**
   * How often and how patiently a command is repeated while the engine pushes back
   * (RESOURCE_EXHAUSTED) or its gateway is briefly unavailable ({@code
   * kinerja.engine.back-pressure.*}): by default 6 attempts, waiting 200 ms, then twice as long
   * each time up to 3 s, about 6 s in all. Then the caller hears of it (503 for a request; a
   * worker's job is handed back and retried later).
   */
  record BackPressure(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

  @Autowired
  ZeebeEngine(
      CamundaClient client,
      IncidentSource incidents,
      @Value("${kinerja.engine.back-pressure.max-attempts:6}") int maxAttempts,
      @Value("${kinerja.engine.back-pressure.initial-backoff:200ms}") Duration initialBackoff,
      @Value("${kinerja.engine.back-pressure.max-backoff:3s}") Duration maxBackoff) {
    this(client, incidents, new BackPressure(maxAttempts, initialBackoff, maxBackoff));
  }

  ZeebeEngine(CamundaClient client, IncidentSource incidents, BackPressure limits) {
    this.client = client;
    this.incidents = incidents;
    this.idempotent =
        retryOn(EnumSet.of(Code.UNAVAILABLE, Code.ABORTED, Code.RESOURCE_EXHAUSTED), limits);
    this.backPressure = retryOn(EnumSet.of(Code.RESOURCE_EXHAUSTED), limits);
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
    var deploying = command.requestTimeout(REQUEST_TIMEOUT);
    DeploymentEvent event = call(() -> deploying.send().join());
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
  public boolean knowsRunningInstance(long processInstanceKey) {
    Code refused =
        refusal(
            () ->
                client
                    .newSetVariablesCommand(processInstanceKey)
                    .variables(Map.of())
                    .requestTimeout(REQUEST_TIMEOUT)
                    .send()
                    .join());
    return refused != Code.NOT_FOUND;
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
      settle(
          job,
          "hand back",
          () ->
              jobClient
                  .newFailCommand(job)
                  .retries(databaseAway ? job.getRetries() : Math.max(job.getRetries() - 1, 0))
                  .errorMessage("The tasklist could not store the task: " + rootMessage(e))
                  .retryBackoff(collecting.retryBackoff())
                  .send()
                  .join());
      return;
    }
    settle(
        job,
        "reserve",
        () -> client.newUpdateTimeoutCommand(job.getKey()).timeout(reservation).send().join());
  }

  /**
   * Hands back or reserves a collected task. Should that fail (storing took longer than the
   * activation timeout, so the job is no longer ours), the engine hands the task out again and
   * collecting it once more settles it; the failure must not reach the client's own error handling,
   * which would spend a retry and in the end raise an incident on a person's task.
   */
  private static void settle(ActivatedJob job, String what, Runnable command) {
    try {
      command.run();
    } catch (RuntimeException e) {
      log.info("Could not {} task {} now, it comes back: {}", what, job.getKey(), e.getMessage());
    }
  }

  @Override
  public List<Incident> incidents() {
    return incidents.openIncidents();
  }

  @Override
  public void retryIncident(long incidentKey) {
    Incident incident =
        incidents.openIncidents().stream()
            .filter(i -> i.key() == incidentKey)
            .findFirst()
            .orElseThrow(() -> new NoSuchIncidentException(incidentKey));
    if (incident.jobKey() != null) {
      retrying(
          () ->
              client
                  .newUpdateRetriesCommand(incident.jobKey())
                  .retries(RETRIES_AFTER_INCIDENT)
                  .requestTimeout(REQUEST_TIMEOUT)
                  .send()
                  .join());
    }
    retrying(
        () ->
            client
                .newResolveIncidentCommand(incidentKey)
                .requestTimeout(REQUEST_TIMEOUT)
                .send()
                .join());
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
  private Code refusal(Runnable command) {
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
   * partition leader is elected) or the engine pushes back (RESOURCE_EXHAUSTED).
   */
  private void retrying(Runnable command) {
    run(
        idempotent,
        () -> {
          command.run();
          return null;
        });
  }

  /**
   * Runs a command that must not be repeated once the engine may have taken it; back-pressure is
   * repeated all the same, as the engine refused the command before writing it.
   */
  private <T> T call(Supplier<T> command) {
    return run(backPressure, command);
  }

  private static <T> T run(RetryTemplate retries, Supplier<T> command) {
    try {
      return retries.execute(attempt -> command.get());
    } catch (ClientStatusException e) {
      throw new EngineException(describe(e), e.getStatusCode() == Code.INVALID_ARGUMENT, e);
    } catch (RuntimeException e) {
      throw new EngineException(rootMessage(e), false, e);
    }
  }

  private static RetryTemplate retryOn(Set<Code> codes, BackPressure limits) {
    return RetryTemplate.builder()
        .maxAttempts(limits.maxAttempts())
        .exponentialBackoff(limits.initialBackoff(), 2, limits.maxBackoff())
        .retryOn(e -> e instanceof ClientStatusException s && codes.contains(s.getStatusCode()))
        .withListener(
            new RetryListener() {
              @Override
              public <T, E extends Throwable> void onError(
                  RetryContext context, RetryCallback<T, E> callback, Throwable e) {
                if (e instanceof ClientStatusException s && codes.contains(s.getStatusCode())) {
                  log.info(
                      "The engine answered {} (attempt {} of {})",
                      s.getStatusCode(),
                      context.getRetryCount(),
                      limits.maxAttempts());
                }
              }
            })
        .build();
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
