package id.kinerja.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of the exports, in one query each: every active employee of a unit and the units below
 * it, with their evaluation of a period or their SKP of a year (the latest, after a transfer).
 */
@Repository
class ExportRows {

  private static final String TREE =
      """
      with recursive tree as (
        select id from org_unit where code = :unit
        union all select u.id from org_unit u join tree t on u.parent_id = t.id)
      """;

  private final JdbcClient jdbc;

  ExportRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record EvaluationRow(
      String nip,
      String name,
      String unit,
      String position,
      String grade,
      String ratingHasilKerja,
      String ratingPerilaku,
      String predikat,
      String status) {}

  record SkpRow(
      String nip,
      String name,
      String unit,
      String position,
      String status,
      Instant approvedAt,
      String approvedBy) {}

  List<EvaluationRow> evaluations(String unitCode, int year, String period) {
    return jdbc.sql(
            TREE
                + """
                select e.nip, e.name, u.name, e.position, e.grade,
                       ev.rating_hasil_kerja, ev.rating_perilaku, ev.predikat, ev.status
                  from employee e join org_unit u on u.id = e.unit_id
                  left join evaluation ev on ev.employee_nip = cast(e.nip as varchar) and ev.period_year = :year and ev.period = :period
                 where e.unit_id in (select id from tree) and e.active
                 order by u.name, e.name, e.nip""")
        .param("unit", unitCode)
        .param("year", year)
        .param("period", period)
        .query(
            (rs, n) ->
                new EvaluationRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)))
        .list();
  }

  List<SkpRow> skps(String unitCode, int year) {
    return jdbc.sql(
            TREE
                + """
                select e.nip, e.name, u.name, e.position, s.status, s.approved_at, approver.name
                  from employee e join org_unit u on u.id = e.unit_id
                  left join lateral (
                    select status, approved_at, approved_by from skp
                     where employee_nip = cast(e.nip as varchar) and period_year = :year order by id desc limit 1) s on true
                  left join app_user au on au.username = s.approved_by
                  left join employee approver on approver.id = au.employee_id
                 where e.unit_id in (select id from tree) and e.active
                 order by u.name, e.name, e.nip""")
        .param("unit", unitCode)
        .param("year", year)
        .query(
            (rs, n) -> {
              OffsetDateTime approved = rs.getObject(6, OffsetDateTime.class);
              return new SkpRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  approved == null ? null : approved.toInstant(),
                  rs.getString(7));
            })
        .list();
  }
}
