package id.kinerja.appeal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether an appeal (keberatan) between an employee and a rater is still undecided. */
@Component
public class OpenAppeals {

  private final JdbcClient jdbc;

  OpenAppeals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True while the employee has an undecided appeal against a result this person rated. */
  public boolean between(String employeeNip, String raterNip) {
    return jdbc.sql(
            "select exists (select 1 from appeal where employee_nip = :employee and rater_nip = :rater and status = 'OPEN')")
        .param("employee", employeeNip)
        .param("rater", raterNip)
        .query(Boolean.class)
        .single();
  }
}
