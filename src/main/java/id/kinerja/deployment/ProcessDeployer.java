package id.kinerja.deployment;

import id.kinerja.deployment.DeploymentRecords.Source;
import id.kinerja.engine.Engine;
import id.kinerja.engine.Engine.DefinitionKind;
import id.kinerja.engine.Engine.DeployedDefinition;
import id.kinerja.engine.EngineException;
import id.kinerja.engine.EngineNotices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Validates a set of resources, deploys them to the engine as one deployment (all or nothing) and
 * records the outcome. A set identical to what the engine runs already creates no new version and
 * no record.
 */
@Service
public class ProcessDeployer {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

  private final Engine engine;
  private final ResourceValidator validator;
  private final DeploymentRecords records;
  private final ResourceFolders folders;
  private final EngineNotices notices;

  ProcessDeployer(
      Engine engine,
      ResourceValidator validator,
      DeploymentRecords records,
      ResourceFolders folders,
      EngineNotices notices) {
    this.engine = engine;
    this.validator = validator;
    this.records = records;
    this.folders = folders;
    this.notices = notices;
  }

  public enum Status {
    DEPLOYED,
    UNCHANGED,
    FAILED
  }

  public record Outcome(
      Status status,
      Long deploymentId,
      List<DeployedDefinition> definitions,
      List<Problem> problems) {}

  /**
   * @throws EngineException when the engine cannot be reached (nothing is recorded: try again)
   */
  public synchronized Outcome deploy(List<ProcessResource> files, Source source, String user) {
    List<Problem> problems = validator.validate(files, knownIds(files));
    if (!problems.isEmpty()) {
      long id = records.recordFailure(source, user, files, problems);
      log.warn("Deployment {} of {} refused: {}", id, names(files), problems);
      return new Outcome(Status.FAILED, id, List.of(), problems);
    }
    Engine.Deployment deployment;
    try {
      deployment =
          engine.deploy(
              files.stream().map(f -> new Engine.ResourceFile(f.name(), f.content())).toList());
    } catch (EngineException e) {
      if (!e.isRejection()) {
        throw e;
      }
      var rejected = List.of(Problem.of(names(files), "engine.rejected", null, e.getMessage()));
      long id = records.recordFailure(source, user, files, rejected);
      log.warn("Deployment {} of {} rejected by the engine: {}", id, names(files), e.getMessage());
      return new Outcome(Status.FAILED, id, List.of(), rejected);
    }
    boolean changed = deployment.definitions().stream().anyMatch(d -> !records.isRecorded(d));
    if (!changed) {
      return new Outcome(Status.UNCHANGED, null, deployment.definitions(), List.of());
    }
    files.stream()
        .filter(
            f -> records.lastDeployedChecksum(f.name()).filter(f.checksum()::equals).isPresent())
        .findFirst()
        .ifPresent(this::engineForgot);
    long id =
        records.recordSuccess(source, user, deployment.key(), files, deployment.definitions());
    log.info("Deployment {} of {}: {}", id, names(files), deployment.definitions());
    return new Outcome(Status.DEPLOYED, id, deployment.definitions(), List.of());
  }

  /**
   * A file unchanged since its last deployment came back as a new version: the engine is not the
   * one this database was used with. Said once per start; nothing is changed, since a remote
   * engine's records are the agency's (the sandbox clears its own in FreshSandboxReset).
   */
  private void engineForgot(ProcessResource file) {
    if (!notices.recordMismatch(Map.of("resource", file.name()))) {
      return;
    }
    log.warn(
        "The engine does not know {}, which this database recorded as deployed: it is not the"
            + " engine this database was used with, so open tasks and running years recorded here"
            + " may belong to another engine. Nothing was changed.",
        file.name());
  }

  /** Forms and decisions a BPMN may refer to: those deployed and those in the folders. */
  private ResourceValidator.KnownIds knownIds(List<ProcessResource> batch) {
    Set<String> formIds = new HashSet<>(records.deployedIds(DefinitionKind.FORM));
    Set<String> decisionIds = new HashSet<>(records.deployedIds(DefinitionKind.DMN));
    Set<String> batchNames = new HashSet<>(batch.stream().map(ProcessResource::name).toList());
    var ignored = new ArrayList<Problem>(); // broken neighbours are reported when they are deployed
    for (ProcessResource other : folders.scan()) {
      if (batchNames.contains(other.name())) {
        continue;
      }
      if (other.kind() == DefinitionKind.FORM) {
        ResourceValidator.formId(other, ignored).ifPresent(formIds::add);
      } else if (other.kind() == DefinitionKind.DMN) {
        decisionIds.addAll(ResourceValidator.decisionIds(other, ignored));
      }
    }
    return new ResourceValidator.KnownIds(formIds, decisionIds);
  }

  private static String names(List<ProcessResource> files) {
    return String.join(", ", files.stream().map(ProcessResource::name).toList());
  }
}
