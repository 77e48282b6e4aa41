package id.kinerja.planning;

import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mutasi: a change of post mid-year closes the SKP of the old post (the running performance year
 * ends on the message "mutasi") and starts a new performance year, with a new SKP, for the new post
 * under its own rater, from the day of the transfer. The new post's year belongs to the opened year
 * that covers the new unit, so that the new unit's reviews include the employee.
 */
@Service
public class Transfers {

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Periods periods;
  private final Engine engine;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  Transfers(
      JdbcClient jdbc,
      Organisation organisation,
      Periods periods,
      Engine engine,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.periods = periods;
    this.engine = engine;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * @param reviewedWith the unit whose opened year (and reviews) the new post belongs to; null when
   *     no year is open for the new unit or above it (the old one's is kept)
   */
  public record Transfer(long transferId, long newPerformanceYearPost, String reviewedWith) {}

  public Transfer transfer(
      String nip, int year, String toUnit, String toPosition, String superiorNip, String user) {
    Employee before =
        organisation
            .byNip(nip)
            .orElseThrow(() -> new Periods.PeriodException("transfer.unknownEmployee", nip));
    organisation
        .unit(toUnit)
        .orElseThrow(() -> new Periods.PeriodException("period.unknownUnit", toUnit));
    if (toUnit.equals(before.unitCode())
        && toPosition.strip().equalsIgnoreCase(before.position().strip())) {
      throw new Periods.PeriodException("transfer.samePost", toPosition + " (" + toUnit + ")");
    }
    Long superior =
        superiorNip == null || superiorNip.isBlank()
            ? null
            : organisation
                .byNip(superiorNip)
                .map(Employee::id)
                .orElseThrow(
                    () -> new Periods.PeriodException("transfer.unknownEmployee", superiorNip));
    var current =
        jdbc.sql(
                "select period_id, post from performance_year where employee_nip = :nip and period_year = :year order by post desc limit 1")
            .param("nip", nip)
            .param("year", year)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
            .optional()
            .orElseThrow(() -> new Periods.PeriodException("transfer.noYear", nip + " " + year));
    long transferId =
        transactions.execute(
            status -> {
              jdbc.sql(
                      "update employee set unit_id = (select id from org_unit where code = :unit), position = :position, superior_id = :superior where nip = :nip")
                  .param("unit", toUnit)
                  .param("position", toPosition)
                  .param("superior", superior)
                  .param("nip", nip)
                  .update();
              // without a rater in the new post nothing may change: this rolls the move back
              organisation
                  .byNip(nip)
                  .flatMap(organisation::rater)
                  .filter(r -> r.username() != null)
                  .orElseThrow(() -> new Periods.PeriodException("transfer.noRater", nip));
              long id =
                  jdbc.sql(
                          """
                          insert into transfer (employee_nip, period_year, from_unit, to_unit, from_position, to_position, decided_by)
                          values (:nip, :year, :fromUnit, :toUnit, :fromPosition, :toPosition, :user) returning id""")
                      .param("nip", nip)
                      .param("year", year)
                      .param("fromUnit", before.unitCode())
                      .param("toUnit", toUnit)
                      .param("fromPosition", before.position())
                      .param("toPosition", toPosition)
                      .param("user", user)
                      .query(Long.class)
                      .single();
              audit.record(
                  user,
                  "TRANSFERRED",
                  "EMPLOYEE",
                  nip,
                  Map.of("unit", before.unitCode(), "position", before.position()),
                  Map.of("unit", toUnit, "position", toPosition));
              return id;
            });
    // the old year ends (its SKP is closed); a redelivered message with the same id is ignored
    engine.publishMessage(
        "mutasi", nip + "-" + year, "mutasi-" + transferId, Map.of("transferId", transferId));
    Employee after = organisation.byNip(nip).orElseThrow();
    Employee rater = organisation.rater(after).orElseThrow();
    int post = (int) current[1] + 1;
    Optional<Long> covering = periods.coveringPeriod(toUnit, year);
    periods.startYear(covering.orElse(current[0]), after, rater, year, post);
    String reviewedWith =
        covering
            .flatMap(
                id ->
                    jdbc.sql("select unit_code from performance_period where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional())
            .orElse(null);
    return new Transfer(transferId, post, reviewedWith);
  }
}
