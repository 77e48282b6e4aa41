package id.kinerja.review;

import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.StartOnce;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 360 rounds (processes/feedback-360.bpmn) for every employee with a rater in a unit and below,
 * once per employee and year: asked twice, by the Pengelola Kinerja or by the review calendar, a
 * round starts only where none runs.
 */
@Service
public class FeedbackRounds {

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

  /**
   * @return how many rounds started now
   */
  public int start(String unitCode, int year) {
    int started = 0;
    for (Employee employee : organisation.employeesIn(unitCode)) {
      var rater = organisation.rater(employee);
      if (rater.isEmpty() || rater.get().username() == null) {
        continue;
      }
      jdbc.sql(
              """
              insert into feedback_round (employee_nip, period_year) values (:nip, :year)
              on conflict (employee_nip, period_year) do nothing""")
          .param("nip", employee.nip())
          .param("year", year)
          .update();
      var variables = new HashMap<String, Object>();
      variables.put("employeeNip", employee.nip());
      variables.put("employeeName", employee.name());
      variables.put("raterUsername", rater.get().username());
      variables.put("periodYear", year);
      if (startOnce.start(
          "feedback_round",
          "process_instance_key",
          "employee_nip = :nip and period_year = :year",
          Map.of("nip", employee.nip(), "year", year),
          () -> engine.startProcess("feedback-360", variables))) {
        started++;
      }
    }
    return started;
  }
}
