package id.kinerja.coaching;

import id.kinerja.engine.Engine;
import id.kinerja.platform.StartOnce;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Starts processes/coaching.bpmn from a step of another process, once per step (its event key): a
 * redelivered job starts nothing twice, and a start that failed is tried again.
 */
@Service
public class CoachingStarts {

  private final JdbcClient jdbc;
  private final Engine engine;
  private final StartOnce startOnce;

  CoachingStarts(JdbcClient jdbc, Engine engine, StartOnce startOnce) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.startOnce = startOnce;
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
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", request.employeeNip());
    variables.put("employeeUsername", request.employeeUsername());
    variables.put("raterUsername", request.raterUsername());
    variables.put("periodYear", request.periodYear());
    variables.put("reason", request.reason());
    variables.put("requestedCoachKind", request.requestedCoachKind()); // null: by the reason
    return startOnce.start(
        "coaching_request",
        "process_instance_key",
        "event_key = :key",
        Map.of("key", request.eventKey()),
        () -> engine.startProcess("coaching", variables));
  }
}
