package id.kinerja.deployment;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The component "deployment" of /actuator/health: DOWN until processes/ and forms/ have been
 * deployed at start (after the demo organisation is seeded), so that the application reports UP
 * only when its processes can be started.
 */
@Component("deployment")
class DeploymentHealthIndicator extends AbstractHealthIndicator {

  private final ResourceFolderWatcher watcher;

  DeploymentHealthIndicator(ResourceFolderWatcher watcher) {
    this.watcher = watcher;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (watcher.deployedOnce()) {
      builder.up();
    } else {
      builder.down().withDetail("reason", "processes/ and forms/ are not deployed yet");
    }
  }
}
