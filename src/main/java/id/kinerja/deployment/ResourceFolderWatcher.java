package id.kinerja.deployment;

import id.kinerja.deployment.DeploymentRecords.Source;
import id.kinerja.engine.EngineException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes/ and forms/ folders at start and again whenever a file in them changes, so
 * that process owners change flows without recompiling. Each changed file is its own deployment:
 * one broken file never blocks the others.
 */
@Component
class ResourceFolderWatcher {

  static final String SYSTEM_USER = "system";
  private static final Logger log = LoggerFactory.getLogger(ResourceFolderWatcher.class);

  private final ResourceFolders folders;
  private final ProcessDeployer deployer;

  /** File name to the checksum last handed to the deployer. */
  private final Map<String, String> handled = new HashMap<>();

  private volatile boolean started;

  /** Whether every file has been handed to the engine once, so that its processes can start. */
  private volatile boolean deployedOnce;

  ResourceFolderWatcher(ResourceFolders folders, ProcessDeployer deployer) {
    this.folders = folders;
    this.deployer = deployer;
  }

  @EventListener(ApplicationReadyEvent.class)
  void deployAtStart() {
    deployChanges(Source.STARTUP);
    started = true;
  }

  /**
   * One instance at a time deploys a changed file (ShedLock): instances sharing the folders would
   * otherwise record the same change twice.
   */
  @Scheduled(fixedDelayString = "${kinerja.resources.poll-interval}")
  @SchedulerLock(name = "resource-folder-watcher", lockAtMostFor = "PT1M")
  void poll() {
    if (started) {
      deployChanges(Source.WATCHER);
    }
  }

  /** Marks a resource as handled, e.g. after an upload wrote it to its folder. */
  synchronized void handled(ProcessResource resource) {
    handled.put(resource.name(), resource.checksum());
  }

  boolean deployedOnce() {
    return deployedOnce;
  }

  synchronized void deployChanges(Source source) {
    for (ProcessResource resource : folders.scan()) {
      if (resource.checksum().equals(handled.get(resource.name()))) {
        continue;
      }
      try {
        deployer.deploy(List.of(resource), source, SYSTEM_USER);
        handled.put(resource.name(), resource.checksum());
      } catch (EngineException e) {
        // engine unreachable: leave the file unhandled and try again at the next poll
        log.warn("Cannot deploy {} now, will retry: {}", resource.name(), e.getMessage());
        return;
      }
    }
    deployedOnce = true;
  }
}
