package id.kinerja.coaching;

import id.kinerja.engine.Engine;
import java.util.HashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Starts processes/coaching.bpmn from a step of another process, once per step: the step's event
 * key is claimed before the engine is asked, and a start that failed is tried again on redelivery.
 */
@Service
public class CoachingStarts {

  private final JdbcClient jdbc;
  private final Engine engine;

  CoachingStarts(JdbcClient jdbc, Engine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public record Request(
      String eventKey,
      String employeeNip,
      String employeeUsername,
      String raterUsername,
      int periodYear,
      String reason,
      String requestedCoachKind) {}

  /**
   * @return whether coaching was started now (false: this step started it already)
   */
  public boolean start(Request request) {
    jdbc.sql(
            """
            insert into coaching_request (event_key, employee_nip, reason) values (:key, :nip, :reason)
            on conflict (event_key) do nothing""")
        .param("key", request.eventKey())
        .param("nip", request.employeeNip())
        .param("reason", request.reason())
        .update();
    boolean started =
        jdbc.sql(
                "select process_instance_key is not null from coaching_request where event_key = :key")
            .param("key", request.eventKey())
            .query(Boolean.class)
            .single();
    if (started) {
      return false;
    }
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", request.employeeNip());
    variables.put("employeeUsername", request.employeeUsername());
    variables.put("raterUsername", request.raterUsername());
    variables.put("periodYear", request.periodYear());
    variables.put("reason", request.reason());
    variables.put("requestedCoachKind", request.requestedCoachKind()); // null: by the reason
    long instance = engine.startProcess("coaching", variables);
    jdbc.sql("update coaching_request set process_instance_key = :instance where event_key = :key")
        .param("instance", instance)
        .param("key", request.eventKey())
        .update();
    return true;
  }
}
