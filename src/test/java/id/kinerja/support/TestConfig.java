package id.kinerja.support;

import id.kinerja.engine.EngineClock;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every test run starts from an empty database, because each run also starts a new in-memory engine
 * whose keys begin again. Cleaned once per JVM: later Spring contexts share the data.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

  private static boolean cleaned;

  @Bean
  @Primary
  EngineClock inMemoryEngineClock(ContextEngine engine) {
    return new InMemoryEngineClock(engine);
  }

  @Bean
  FlywayMigrationStrategy cleanOnceThenMigrate() {
    return flyway -> {
      synchronized (TestConfig.class) {
        if (!cleaned) {
          flyway.clean();
          cleaned = true;
        }
      }
      flyway.migrate();
    };
  }
}
