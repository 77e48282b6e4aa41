package id.kinerja.engine;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the workflow engine in /actuator/health as the component "engine": which kind it is and,
 * when it cannot be reached or refuses the application, why.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final Engine engine;
  private final EngineProperties properties;

  EngineHealthIndicator(Engine engine, EngineProperties properties) {
    super("Workflow engine unreachable");
    this.engine = engine;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail(
        "kind",
        properties.mode() == EngineProperties.Mode.REMOTE ? "camunda-8-cluster" : "sandbox");
    try {
      builder.up().withDetail("gateway", engine.describeTopology());
    } catch (EngineException e) {
      builder.down().withDetail("reason", e.getMessage());
    }
  }
}
