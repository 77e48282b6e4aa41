package id.kinerja.deployment;

import id.kinerja.deployment.DeploymentRecords.Source;
import id.kinerja.deployment.ProcessDeployer.Outcome;
import id.kinerja.deployment.ProcessDeployer.Status;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Uploads by process owners: deployed like folder changes, then written into the folders so that
 * the folders stay the one source of truth (and a restart deploys nothing new).
 */
@Service
public class DeploymentUploads {

  private final ProcessDeployer deployer;
  private final ResourceFolders folders;
  private final ResourceFolderWatcher watcher;

  DeploymentUploads(
      ProcessDeployer deployer, ResourceFolders folders, ResourceFolderWatcher watcher) {
    this.deployer = deployer;
    this.folders = folders;
    this.watcher = watcher;
  }

  /**
   * @throws InvalidUploadException when the file name is not a plain .bpmn, .dmn or .form name
   */
  public ProcessResource resourceOf(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
    if (!ResourceFolders.SAFE_NAME.matcher(name).matches()) {
      throw new InvalidUploadException(name);
    }
    return ProcessResource.of(name, content);
  }

  public Outcome deploy(List<ProcessResource> resources, String user) {
    Outcome outcome = deployer.deploy(resources, Source.UPLOAD, user);
    if (outcome.status() != Status.FAILED) {
      for (ProcessResource resource : resources) {
        folders.write(resource);
        watcher.handled(resource);
      }
    }
    return outcome;
  }
}
