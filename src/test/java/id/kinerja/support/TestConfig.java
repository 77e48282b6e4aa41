package id.kinerja.support;

import id.kinerja.engine.EngineClock;
import id.kinerja.engine.IncidentSource;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every test run starts from an empty database, because each run also starts a new in-memory engine
 * whose keys begin again. Each database cleaned once per JVM: later Spring contexts share the data
 * (a test with a PostgreSQL of its own, DatabaseOutageTest, must not take the shared one's turn).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

  private static final Set<String> CLEANED = new HashSet<>();

  @Bean
  @Primary
  EngineClock inMemoryEngineClock(ContextEngine engine) {
    return new InMemoryEngineClock(engine);
  }

  @Bean
  @Primary
  IncidentSource inMemoryIncidents(ContextEngine engine) {
    return new InMemoryIncidents(engine);
  }

  @Bean
  FlywayMigrationStrategy cleanOnceThenMigrate() {
    return flyway -> {
      synchronized (TestConfig.class) {
        if (CLEANED.add(flyway.getConfiguration().getUrl())) {
          flyway.clean();
        }
      }
      flyway.migrate();
    };
  }
}
