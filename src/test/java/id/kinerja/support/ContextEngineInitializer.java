package id.kinerja.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the context's Camunda client at the in-memory engine and offers it as a bean. */
public class ContextEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ContextEngine engine = ContextEngine.shared();
    context.getBeanFactory().registerSingleton("contextEngine", engine);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "contextEngine", Map.of("camunda.client.grpc-address", engine.gatewayAddress())));
  }
}
