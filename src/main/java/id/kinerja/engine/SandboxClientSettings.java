package id.kinerja.engine;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the embedded mode the Camunda client talks to the sandbox engine, whatever camunda.client.*
 * says otherwise; in the remote mode camunda.client.* is left as given (SaaS or self-managed), so
 * that the sandbox's address never shadows a cluster's.
 */
class SandboxClientSettings implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("kinerja.engine.mode", "embedded");
    if (!mode.equalsIgnoreCase(EngineProperties.Mode.EMBEDDED.name())) {
      return;
    }
    String address =
        "http://127.0.0.1:"
            + environment.getProperty("kinerja.engine.sandbox.gateway-port", "26500");
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "kinerjaSandboxEngine",
                Map.of(
                    "camunda.client.mode",
                    "self-managed",
                    "camunda.client.auth.method",
                    "none",
                    "camunda.client.grpc-address",
                    address,
                    // never used: every command goes over gRPC
                    "camunda.client.rest-address",
                    address)));
  }

  @Override
  public int getOrder() {
    // after application.yml and the environment are read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
