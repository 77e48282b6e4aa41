package id.kinerja.review;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tindak lanjut (rules.md, the cycle, step 5) read from the delivered annual results: Sangat Baik
 * for recognition and the talent pool, results below Baik with their improvement period, and
 * promotion eligibility (at least Baik in the year and the year before). The predikat is as it
 * stands, after any appeal decision.
 */
@Repository
public class FollowUp {

  private static final String BELOW_BAIK =
      "('BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG')";

  private final JdbcClient jdbc;

  FollowUp(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An employee on one of the lists; improvement is the improvement period's state, if any. */
  public record Entry(
      String nip,
      String name,
      String unit,
      String predikat,
      boolean appealPending,
      String improvement) {}

  public record Board(
      int year, List<Entry> talentPool, List<Entry> belowBaik, List<Entry> promotionEligible) {}

  public Board of(int year) {
    return new Board(
        year,
        list("ev.predikat = 'SANGAT_BAIK'", year),
        list("ev.predikat in " + BELOW_BAIK, year),
        list(
            """
            ev.predikat in ('BAIK', 'SANGAT_BAIK') and exists (
              select 1 from evaluation before where before.employee_nip = ev.employee_nip
                and before.period_year = ev.period_year - 1 and before.period = 'ANNUAL'
                and before.status = 'DELIVERED' and before.predikat in ('BAIK', 'SANGAT_BAIK'))""",
            year));
  }

  private List<Entry> list(String condition, int year) {
    return jdbc.sql(
            """
            select ev.employee_nip, coalesce(e.name, ev.employee_nip), coalesce(u.name, ''), ev.predikat,
                   exists (select 1 from appeal a where a.evaluation_id = ev.id and a.status = 'OPEN'),
                   (select case when ip.outcome is not null then ip.outcome else 'RUNNING' end
                      from improvement_period ip where ip.evaluation_id = ev.id)
              from evaluation ev
              left join employee e on e.nip = ev.employee_nip
              left join org_unit u on u.id = e.unit_id
             where ev.period_year = :year and ev.period = 'ANNUAL' and ev.status = 'DELIVERED' and """
                + " "
                + condition
                + " order by u.name, e.name")
        .param("year", year)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getString(6)))
        .list();
  }
}
