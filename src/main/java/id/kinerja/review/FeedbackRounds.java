package id.kinerja.review;

import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import java.util.HashMap;
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

  FeedbackRounds(JdbcClient jdbc, Organisation organisation, Engine engine) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.engine = engine;
  }

  /**
   * @return how many rounds started now
   */
  public int start(String unitCode, int year) {
    int started = 0;
    for (Employee employee : organisation.employeesIn(unitCode)) {
      var rater = organisation.rater(employee);
      if (rater.isPresent() && rater.get().username() != null && claim(employee, year)) {
        var variables = new HashMap<String, Object>();
        variables.put("employeeNip", employee.nip());
        variables.put("employeeName", employee.name());
        variables.put("raterUsername", rater.get().username());
        variables.put("periodYear", year);
        long instance;
        try {
          instance = engine.startProcess("feedback-360", variables);
        } catch (RuntimeException e) {
          release(employee, year);
          throw e;
        }
        jdbc.sql(
                "update feedback_round set process_instance_key = :key where employee_nip = :nip and period_year = :year")
            .param("key", instance)
            .param("nip", employee.nip())
            .param("year", year)
            .update();
        started++;
      }
    }
    return started;
  }

  private boolean claim(Employee employee, int year) {
    jdbc.sql(
            """
            insert into feedback_round (employee_nip, period_year) values (:nip, :year)
            on conflict (employee_nip, period_year) do nothing""")
        .param("nip", employee.nip())
        .param("year", year)
        .update();
    return jdbc.sql(
                """
                update feedback_round set process_instance_key = -1
                 where employee_nip = :nip and period_year = :year and process_instance_key is null""")
            .param("nip", employee.nip())
            .param("year", year)
            .update()
        == 1;
  }

  private void release(Employee employee, int year) {
    jdbc.sql(
            "update feedback_round set process_instance_key = null where employee_nip = :nip and period_year = :year")
        .param("nip", employee.nip())
        .param("year", year)
        .update();
  }
}
