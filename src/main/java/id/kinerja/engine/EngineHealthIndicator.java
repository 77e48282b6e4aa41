package id.kinerja.engine;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the workflow engine in /actuator/health as the component "engine". */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final Engine engine;

  EngineHealthIndicator(Engine engine) {
    super("Workflow engine unreachable");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("brokers", engine.describeTopology());
  }
}
