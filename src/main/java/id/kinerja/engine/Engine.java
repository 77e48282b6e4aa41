package id.kinerja.engine;

import java.util.List;

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
