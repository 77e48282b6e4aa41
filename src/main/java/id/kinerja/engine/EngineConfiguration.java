package id.kinerja.engine;

import io.camunda.client.CamundaClient;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  static final String EMBEDDED_BROKER = "embeddedBroker";

  @Bean(EMBEDDED_BROKER)
  @ConditionalOnProperty(
      name = "kinerja.engine.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  EmbeddedBroker embeddedBroker(EngineProperties properties) {
    return new EmbeddedBroker(properties.embedded());
  }

  @Bean
  @ConditionalOnProperty(
      name = "kinerja.engine.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  EngineClock brokerClock(EngineProperties properties, EmbeddedBroker broker, JdbcClient jdbc) {
    var clock =
        new BrokerClock(broker.managementUri("/"), properties.embedded().clockControlled(), jdbc);
    clock.restore();
    return clock;
  }

  @Bean
  @ConditionalOnMissingBean(EngineClock.class)
  EngineClock systemClock() {
    return new SystemClock();
  }

  /** The client and its job workers must not start before the embedded broker is ready. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedBroker() {
    return beanFactory -> {
      if (!beanFactory.containsBeanDefinition(EMBEDDED_BROKER)) {
        return;
      }
      for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
        var definition = beanFactory.getBeanDefinition(name);
        String[] dependsOn =
            definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
        extended[dependsOn.length] = EMBEDDED_BROKER;
        definition.setDependsOn(extended);
      }
    };
  }
}
