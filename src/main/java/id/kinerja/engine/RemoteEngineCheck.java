package id.kinerja.engine;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cluster that lost its data gives the same keys to the same deployments, so an unchanged
 * deployment cannot tell it apart; the process instances of the open tasks can. When the engine
 * knows none of the newest few, it is not the engine this database was used with: said in the log
 * and on /admin, and nothing is changed, since a remote engine's records are the agency's.
 */
@Component
@ConditionalOnProperty(name = "kinerja.engine.mode", havingValue = "remote")
class RemoteEngineCheck {

  private static final Logger log = LoggerFactory.getLogger(RemoteEngineCheck.class);

  /** One open task may have ended while the application was away; three rarely all do. */
  private static final int PROBES = 3;

  private final Engine engine;
  private final JdbcClient jdbc;
  private final EngineNotices notices;

  RemoteEngineCheck(Engine engine, JdbcClient jdbc, EngineNotices notices) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.notices = notices;
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkOpenTasks() {
    List<Long> instances =
        jdbc.sql(
                """
                select process_instance_key from user_task where state = 'OPEN'
                group by process_instance_key order by max(task_key) desc limit :n""")
            .param("n", PROBES)
            .query(Long.class)
            .list();
    try {
      if (instances.isEmpty() || instances.stream().anyMatch(engine::knowsRunningInstance)) {
        return;
      }
    } catch (EngineException e) {
      log.info("Could not ask the engine about the open tasks' processes: {}", e.getMessage());
      return;
    }
    if (notices.recordMismatch(Map.of("instance", instances.get(0)))) {
      log.warn(
          "The engine does not know process instance {} (nor the other newest with open tasks),"
              + " which this database records as running: it is not the engine this database was"
              + " used with, so open tasks and running years recorded here may belong to another"
              + " engine. Nothing was changed.",
          instances.get(0));
    }
  }
}
