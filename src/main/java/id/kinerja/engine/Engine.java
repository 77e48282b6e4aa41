package id.kinerja.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The application's one boundary to the workflow engine. Everything else talks to this interface,
 * so that another engine API (for example Camunda user tasks over the Orchestration Cluster API)
 * can be adapted here without touching the features.
 */
public interface Engine {

  /**
   * Deploys the files atomically: either all become the engine's latest versions or none does.
   * Files identical to the latest deployed version create no new version.
   *
   * @throws EngineException with the engine's reason when it rejects the deployment
   */
  Deployment deploy(List<ResourceFile> files);

  /** A short description of the engine's topology; throws when the engine is unreachable. */
  String describeTopology();

  /**
   * Evaluates the latest version of a DMN decision, so that rules process owners keep in decision
   * tables are applied outside processes too; returns the decision's output (a value, a map or a
   * list of maps).
   */
  Object evaluateDecision(String decisionId, Map<String, Object> variables);

  /** Starts an instance of the latest version of a process; returns the instance key. */
  long startProcess(String processId, Map<String, Object> variables);

  /**
   * Whether the engine knows a process instance that has not ended; asked by setting no variable on
   * it, which changes nothing.
   */
  boolean knowsRunningInstance(long processInstanceKey);

  /** Publishes a message; a message with the same id within its time to live is ignored. */
  void publishMessage(
      String name, String correlationKey, String messageId, Map<String, Object> variables);

  /**
   * Hands every human task the engine creates to the handler and, once the handler returned (the
   * task is stored), keeps it reserved for this application for {@code reservation}. Until then the
   * engine holds it only for the collecting's short activation timeout, so a task an instance took
   * and died before storing comes back to another instance within minutes. A handler that fails
   * hands the task back after the collecting's retry backoff; only a failure that is not the
   * database being away spends one of its retries. Closing the result stops collecting.
   */
  AutoCloseable collectHumanTasks(
      Duration reservation, Collecting collecting, Consumer<HumanTask> handler);

  /**
   * How the engine hands out human tasks: pushed on a job stream, polled as a fallback; held for
   * the activation timeout until stored; handed back after the retry backoff when storing failed.
   */
  record Collecting(
      Duration pollInterval,
      boolean streamEnabled,
      Duration activationTimeout,
      Duration retryBackoff) {}

  /**
   * Completes a human task with the person's input.
   *
   * @throws TaskGoneException when the engine no longer has the task (a timer or event ended it)
   */
  void completeHumanTask(long taskKey, Map<String, Object> variables);

  /**
   * Renews the reservation of a human task.
   *
   * @return false when the engine no longer has the task
   */
  boolean renewHumanTask(long taskKey, Duration reservation);

  /** The engine's open incidents: steps that stopped and wait for someone to fix and retry them. */
  List<Incident> incidents();

  /**
   * Retries the step of an incident: a job gets its retries back (it is handed to its worker
   * again), and the incident is resolved.
   *
   * @throws EngineException when the engine has no such open incident, or refuses
   */
  void retryIncident(long incidentKey);

  /** A step that stopped: its process, where, and the engine's (or the worker's) reason. */
  record Incident(
      long key,
      long processInstanceKey,
      String processId,
      String elementId,
      Long jobKey,
      String errorType,
      String message,
      Instant createdAt) {}

  /** A human step waiting for a person: a job-worker user task of the engine. */
  record HumanTask(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String processId,
      int processVersion,
      String elementId,
      long elementInstanceKey,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String dueDate,
      String followUpDate,
      String formKey,
      Map<String, Object> variables) {}

  record ResourceFile(String name, byte[] content) {}

  record Deployment(long key, List<DeployedDefinition> definitions) {}

  /** One process, decision or form as the engine registered it. */
  record DeployedDefinition(
      DefinitionKind kind, String resourceName, String id, int version, long key) {}

  enum DefinitionKind {
    BPMN,
    DMN,
    FORM
  }
}
