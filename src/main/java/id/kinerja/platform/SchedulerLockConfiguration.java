package id.kinerja.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work runs on one application instance at a time: each {@code @Scheduled} method also
 * carries a {@code @SchedulerLock}, taken in the shedlock table (V140). The database's clock
 * decides when a lock has run out, so instances with skewed clocks agree. A lock of a killed
 * instance is free again after the job's lockAtMostFor: a minute for the frequent jobs (the crash
 * suite found longer ones keeping a restarted instance from its work). Should a run take longer, a
 * second instance running it as well does no harm, as each job claims its rows itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SchedulerLockConfiguration.class);

  /**
   * While the database is away every scheduled run fails; one line says so instead of a stack trace
   * every few seconds. Other failures are logged in full, as by default.
   */
  @Bean
  ThreadPoolTaskSchedulerCustomizer quietWhileTheDatabaseIsAway() {
    return scheduler ->
        scheduler.setErrorHandler(
            e -> {
              if (DatabaseUnavailable.causes(e)) {
                log.warn("Scheduled work waits for the database: {}", e.getMessage());
              } else {
                log.error("Scheduled work failed", e);
              }
            });
  }

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }
}
