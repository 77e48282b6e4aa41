package id.kinerja.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/** Starts the context's own in-memory engine and points the Camunda client at it. */
class ContextEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var engine = new ContextEngine();
    context.getBeanFactory().registerSingleton("contextEngine", engine);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "contextEngine", Map.of("camunda.client.grpc-address", engine.gatewayAddress())));
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) event -> engine.stop());
  }
}
