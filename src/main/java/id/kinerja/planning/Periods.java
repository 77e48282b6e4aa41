package id.kinerja.planning;

import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import id.kinerja.platform.StartOnce;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Performance years opened by the Pengelola Kinerja for a unit: one performance-year process per
 * active employee of the unit and the units below it. Opening again starts only what is missing.
 */
@Service
public class Periods {

  public static final String PROCESS_ID = "performance-year";
  public static final String CALENDAR_PROCESS_ID = "review-calendar";

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Engine engine;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final StartOnce startOnce;
  private final AgencyTime time;

  Periods(
      JdbcClient jdbc,
      Organisation organisation,
      Engine engine,
      AuditTrail audit,
      TransactionTemplate transactions,
      StartOnce startOnce,
      AgencyTime time) {
    this.startOnce = startOnce;
    this.time = time;
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.engine = engine;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Who got a performance year, and who was skipped and why (e.g. no rater above them). */
  public record Opening(
      long periodId,
      String unitCode,
      int year,
      List<String> started,
      Map<String, String> skipped) {}

  /** Each employee's year is started and recorded on its own: a failure half-way loses nothing. */
  public Opening open(String unitCode, int year, String user) {
    organisation
        .unit(unitCode)
        .orElseThrow(() -> new PeriodException("period.unknownUnit", unitCode));
    long periodId =
        jdbc.sql(
                """
                insert into performance_period (unit_code, period_year, opened_by) values (:unit, :year, :user)
                on conflict (unit_code, period_year) do update set status = performance_period.status
                returning id""")
            .param("unit", unitCode)
            .param("year", year)
            .param("user", user)
            .query(Long.class)
            .single();
    boolean closed =
        jdbc.sql("select status = 'CLOSED' from performance_period where id = :id")
            .param("id", periodId)
            .query(Boolean.class)
            .single();
    if (closed) {
      throw new PeriodException("period.closed", unitCode + " " + year);
    }
    var started = new ArrayList<String>();
    var skipped = new HashMap<String, String>();
    for (Employee employee : organisation.employeesIn(unitCode)) {
      String reason = start(periodId, employee, year);
      if (reason == null) {
        started.add(employee.nip());
      } else {
        skipped.put(employee.nip(), reason);
      }
    }
    startCalendar(periodId, unitCode, year);
    transactions.executeWithoutResult(
        status ->
            audit.record(
                user,
                "PERIOD_OPENED",
                "PERIOD",
                periodId,
                null,
                Map.of("unit", unitCode, "year", year, "started", started.size())));
    return new Opening(periodId, unitCode, year, started, skipped);
  }

  public record Period(
      long id, String unitCode, int year, String status, String openedBy, long employees) {}

  public List<Period> ofYear(int year) {
    return jdbc.sql(
            """
            select p.id, p.unit_code, p.period_year, p.status, p.opened_by,
                   (select count(*) from performance_year y where y.period_id = p.id)
              from performance_period p where p.period_year = :year order by p.unit_code""")
        .param("year", year)
        .query(
            (rs, n) ->
                new Period(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6)))
        .list();
  }

  /** The unit a period was opened for. */
  public Optional<String> unitOf(long periodId) {
    return jdbc.sql("select unit_code from performance_period where id = :id")
        .param("id", periodId)
        .query(String.class)
        .optional();
  }

  /** An employee's year in a post ran its course; the first time counts. */
  public void completed(long processInstanceKey, Instant when) {
    jdbc.sql(
            "update performance_year set completed_at = :when where process_instance_key = :key and completed_at is null")
        .param("when", Timestamp.from(when))
        .param("key", processInstanceKey)
        .update();
  }

  /** Closes a year: it can no longer be opened again for more employees. */
  public void close(long periodId, String user) {
    int closed =
        jdbc.sql(
                "update performance_period set status = 'CLOSED', closed_at = now() where id = :id and status = 'OPEN'")
            .param("id", periodId)
            .update();
    if (closed == 0) {
      throw new PeriodException("period.notOpen", periodId);
    }
    transactions.executeWithoutResult(
        status ->
            audit.record(
                user,
                "PERIOD_CLOSED",
                "PERIOD",
                periodId,
                Map.of("status", "OPEN"),
                Map.of("status", "CLOSED")));
  }

  /**
   * @return null when started, else why not
   */
  private String start(long periodId, Employee employee, int year) {
    Employee rater = organisation.rater(employee).orElse(null);
    if (rater == null || rater.username() == null) {
      return "NO_RATER"; // the head of the agency is rated outside it
    }
    if (employee.username() == null) {
      return "NO_USER";
    }
    return startYear(periodId, employee, rater, year, 1) ? null : "ALREADY_STARTED";
  }

  /**
   * Starts the unit's review calendar (quarterly and annual reviews by timer) once per period; a
   * start that failed is tried again by the next opening.
   */
  private void startCalendar(long periodId, String unitCode, int year) {
    startOnce.start(
        "performance_period",
        "calendar_instance_key",
        "id = :id",
        Map.of("id", periodId),
        () ->
            engine.startProcess(
                CALENDAR_PROCESS_ID,
                Map.of(
                    "periodId",
                    periodId,
                    "unitCode",
                    unitCode,
                    "periodYear",
                    year,
                    AgencyTime.OFFSET_VARIABLE,
                    time.offset(time.zoneOfUnit(unitCode)))));
  }

  /**
   * Starts the performance year of an employee in a post once: the row is claimed before the engine
   * is asked, and a start that failed is tried again by the next call. The year or post starts
   * today, in the agency's zone: a year opened late or a post taken up mid-year gets its planning
   * deadlines and monthly check-ins from then on.
   *
   * @return false when this year and post run already
   */
  boolean startYear(long periodId, Employee employee, Employee rater, int year, int post) {
    ZoneId zone = time.zoneOf(employee);
    LocalDate startedOn = time.today(zone);
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("employeeName", employee.name());
    variables.put("raterNip", rater.nip());
    variables.put("raterUsername", rater.username());
    variables.put("unitCode", employee.unitCode());
    variables.put("periodYear", year);
    variables.put("post", post);
    variables.put("postStartedOn", startedOn.toString());
    variables.put(AgencyTime.OFFSET_VARIABLE, time.offset(zone));
    jdbc.sql(
            """
            insert into performance_year (period_id, employee_nip, period_year, post, started_on)
            values (:period, :nip, :year, :post, :startedOn)
            on conflict (employee_nip, period_year, post) do nothing""")
        .param("period", periodId)
        .param("nip", employee.nip())
        .param("year", year)
        .param("post", post)
        .param("startedOn", startedOn)
        .update();
    return startOnce.start(
        "performance_year",
        "process_instance_key",
        "employee_nip = :nip and period_year = :year and post = :post",
        Map.of("nip", employee.nip(), "year", year, "post", post),
        () -> engine.startProcess(PROCESS_ID, variables));
  }

  /**
   * The opened year that covers the unit (opened for it or a unit above it), so that an employee
   * who moves there is reviewed with it; empty when none is open.
   */
  Optional<Long> coveringPeriod(String unitCode, int year) {
    return jdbc.sql(
            """
            with recursive up as (
              select id, code, parent_id, 0 as depth from org_unit where code = :code
              union all select u.id, u.code, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id)
            select p.id from performance_period p join up on up.code = p.unit_code
             where p.period_year = :year and p.status = 'OPEN' order by up.depth limit 1""")
        .param("code", unitCode)
        .param("year", year)
        .query(Long.class)
        .optional();
  }

  /** A refused period action, with a message code of the planning bundle. */
  public static class PeriodException extends Refusal {
    public PeriodException(String code, Object argument) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, code, argument);
    }
  }
}
