package id.kinerja.review;

import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.StartOnce;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 360 rounds (processes/feedback-360.bpmn) for every employee with a rater in a unit and below,
 * once per employee and period (a quarter or the year, as the review calendar asks for 360 input):
 * asked twice, by the Pengelola Kinerja or by the review calendar, a round starts only where none
 * runs. A round keeps its deadline and when it closed, for the rating that waits for it.
 */
@Service
public class FeedbackRounds {

  /** The message a rating waiting for the round receives when the round closes. */
  public static final String CLOSED_MESSAGE = "feedback-round-closed";

  /** A round as a rating needing it sees it: due by its deadline (null until set), maybe closed. */
  public record Round(Instant deadline, Instant closedAt) {

    /** Whether a rating should still wait for it now. */
    public boolean isRunning(Instant now) {
      return closedAt == null && (deadline == null || deadline.isAfter(now));
    }
  }

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Engine engine;
  private final StartOnce startOnce;

  FeedbackRounds(JdbcClient jdbc, Organisation organisation, Engine engine, StartOnce startOnce) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.engine = engine;
    this.startOnce = startOnce;
  }

  /** The correlation key of the round's messages: employee, year and period. */
  public static String correlationKey(String nip, int year, String period) {
    return nip + "-" + year + "-" + period;
  }

  /**
   * @return how many rounds started now
   */
  public int start(String unitCode, int year, String period) {
    int started = 0;
    for (Employee employee : organisation.employeesIn(unitCode)) {
      var rater = organisation.rater(employee);
      if (rater.isEmpty() || rater.get().username() == null) {
        continue;
      }
      jdbc.sql(
              """
              insert into feedback_round (employee_nip, period_year, period) values (:nip, :year, :period)
              on conflict (employee_nip, period_year, period) do nothing""")
          .param("nip", employee.nip())
          .param("year", year)
          .param("period", period)
          .update();
      var variables = new HashMap<String, Object>();
      variables.put("employeeNip", employee.nip());
      variables.put("employeeName", employee.name());
      variables.put("raterUsername", rater.get().username());
      variables.put("periodYear", year);
      variables.put("period", period);
      if (startOnce.start(
          "feedback_round",
          "process_instance_key",
          "employee_nip = :nip and period_year = :year and period = :period",
          Map.of("nip", employee.nip(), "year", year, "period", period),
          () -> engine.startProcess("feedback-360", variables))) {
        started++;
      }
    }
    return started;
  }

  /** The round's deadline, as its process set it when it started. */
  public void deadline(String nip, int year, String period, Instant deadline) {
    jdbc.sql(
            "update feedback_round set deadline = :deadline where employee_nip = :nip and period_year = :year and period = :period")
        .param("deadline", Timestamp.from(deadline))
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .update();
  }

  /**
   * Closes the round and tells a rating waiting for it, once: a repeated delivery finds it closed
   * and publishes nothing (the engine would refuse the same message id again); when publishing
   * fails, the round stays open for the job's retry.
   */
  @Transactional
  public void close(String nip, int year, String period) {
    int closed =
        jdbc.sql(
                """
            update feedback_round set closed_at = now()
             where employee_nip = :nip and period_year = :year and period = :period and closed_at is null""")
            .param("nip", nip)
            .param("year", year)
            .param("period", period)
            .update();
    if (closed == 0) {
      return;
    }
    engine.publishMessage(
        CLOSED_MESSAGE,
        correlationKey(nip, year, period),
        "round-closed-" + correlationKey(nip, year, period),
        Map.of());
  }

  public Optional<Round> of(String nip, int year, String period) {
    return jdbc.sql(
            "select deadline, closed_at from feedback_round where employee_nip = :nip and period_year = :year and period = :period")
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .query(
            (rs, n) ->
                new Round(
                    rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .optional();
  }
}
