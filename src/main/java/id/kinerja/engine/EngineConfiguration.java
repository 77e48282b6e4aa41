package id.kinerja.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  static final String SANDBOX_RESET = "freshSandboxReset";

  /**
   * The embedded mode: the sandbox engine, its clock and its incidents, and the reset of a fresh
   * one.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(
      name = "kinerja.engine.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  static class Sandbox {

    @Bean
    SandboxProcess sandboxProcess(EngineProperties properties) {
      return new SandboxProcess(properties.sandbox());
    }

    @Bean(SANDBOX_RESET)
    FreshSandboxReset freshSandboxReset(
        SandboxProcess sandbox,
        JdbcClient jdbc,
        TransactionTemplate transactions,
        EngineNotices notices,
        @Value("${kinerja.demo.enabled:false}") boolean demo) {
      return new FreshSandboxReset(sandbox, jdbc, transactions, notices, demo);
    }

    @Bean
    EngineClock sandboxClock(SandboxProcess sandbox) {
      return new SandboxClock(sandbox);
    }

    @Bean
    IncidentSource sandboxIncidents(SandboxProcess sandbox) {
      return new SandboxIncidents(sandbox);
    }
  }

  @Bean
  @ConditionalOnMissingBean(EngineClock.class)
  EngineClock systemClock() {
    return new SystemClock();
  }

  @Bean
  @ConditionalOnMissingBean(IncidentSource.class)
  IncidentSource clusterIncidents(CamundaClient client) {
    return new ClusterIncidents(client);
  }

  /**
   * The client, and with it every job worker, starts only once the sandbox runs and a fresh one has
   * had its predecessor's records cleared. It is closed by {@link #boundedClientClose}, not by its
   * own destroy method, so that an unreachable cluster cannot keep the application from stopping.
   */
  @Bean
  static BeanFactoryPostProcessor camundaClientLifecycle() {
    return beanFactory -> {
      for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
        var definition = beanFactory.getBeanDefinition(name);
        if (definition instanceof AbstractBeanDefinition bean) {
          bean.setDestroyMethodName(""); // closed by boundedClientClose
        }
        if (beanFactory.containsBeanDefinition(SANDBOX_RESET)) {
          String[] dependsOn =
              definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
          String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
          extended[dependsOn.length] = SANDBOX_RESET;
          definition.setDependsOn(extended);
        }
      }
    };
  }

  /** Depends on the client, so it is destroyed first, while what the client uses still runs. */
  @Bean
  DisposableBean boundedClientClose(CamundaClient client) {
    return () -> BoundedClose.close("The Camunda client", client, Duration.ofSeconds(10));
  }
}
