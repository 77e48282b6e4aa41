package id.kinerja.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts the dashboards draw, each from one query over the records. */
@Repository
class DashboardQueries {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DashboardQueries(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The latest SKP status of the year per employee (null: no SKP). */
  Map<String, String> skpStatus(Collection<String> nips, int year) {
    var statuses = new HashMap<String, String>();
    if (nips.isEmpty()) {
      return statuses;
    }
    jdbc.sql(
            """
            select distinct on (employee_nip) employee_nip, status from skp
             where employee_nip in (:nips) and period_year = :year order by employee_nip, id desc""")
        .param("nips", nips)
        .param("year", year)
        .query(
            rs -> {
              statuses.put(rs.getString(1), rs.getString(2));
            });
    return statuses;
  }

  /** A monthly check-in task: its month, due date, when it ended and how. */
  record CheckInTask(String nip, int month, Instant due, Instant ended, String state) {}

  List<CheckInTask> checkIns(Collection<String> nips, int year) {
    if (nips.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select employee_nip, (variables ->> 'month')::int, due_date, ended_at, state from user_task
             where process_id = 'monitoring' and element_id = 'checkin' and state <> 'CANCELED'
               and employee_nip in (:nips) and period_year = :year and variables ->> 'month' is not null""")
        .param("nips", nips)
        .param("year", year)
        .query(
            (rs, n) ->
                new CheckInTask(
                    rs.getString(1),
                    rs.getInt(2),
                    instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4)),
                    rs.getString(5)))
        .list();
  }

  /** The employee's latest check-in of the year: its month and indicators. */
  record LatestCheckIn(int month, List<Map<String, Object>> items) {}

  Optional<LatestCheckIn> latestCheckIn(String nip, int year) {
    return jdbc.sql(
            """
            select month, items::text from monitoring_checkin where employee_nip = :nip and period_year = :year
             order by month desc, id desc limit 1""")
        .param("nip", nip)
        .param("year", year)
        .query((rs, n) -> new LatestCheckIn(rs.getInt(1), items(rs.getString(2))))
        .optional();
  }

  /** Per unit of the agency (the whole installation when agency is null): its people's stages. */
  record UnitStages(
      String unitCode,
      String unitName,
      int employees,
      int skpDrafted,
      int skpApproved,
      int checkInsDone,
      int checkInsDue,
      int rated,
      int delivered) {}

  List<UnitStages> stages(String agency, int year, String period, Instant now) {
    return jdbc.sql(
            """
            with recursive tree as (
              select id, code, name from org_unit where (cast(:agency as text) is null and parent_id is null) or code = :agency
              union all select u.id, u.code, u.name from org_unit u join tree t on u.parent_id = t.id),
            people as (
              select e.nip::varchar as nip, e.unit_id from employee e where e.active and e.unit_id in (select id from tree)),
            latest_skp as (
              select distinct on (employee_nip) employee_nip, status from skp
               where period_year = :year and employee_nip in (select nip from people) order by employee_nip, id desc),
            checkins as (
              select employee_nip, count(*) filter (where state = 'COMPLETED') as done,
                     count(*) filter (where state = 'COMPLETED' or due_date < :now) as due
                from user_task where process_id = 'monitoring' and element_id = 'checkin' and state <> 'CANCELED'
                 and period_year = :year and employee_nip in (select nip from people) group by employee_nip)
            select t.code, t.name, count(p.nip),
                   count(s.status) filter (where s.status <> 'DRAFT'),
                   count(s.status) filter (where s.status = 'APPROVED'),
                   coalesce(sum(c.done), 0), coalesce(sum(c.due), 0),
                   count(ev.id) filter (where ev.status in ('RATED', 'DELIVERED')),
                   count(ev.id) filter (where ev.status = 'DELIVERED')
              from tree t join people p on p.unit_id = t.id
              left join latest_skp s on s.employee_nip = p.nip
              left join checkins c on c.employee_nip = p.nip
              left join evaluation ev on ev.employee_nip = p.nip and ev.period_year = :year and ev.period = :period
             group by t.code, t.name order by t.name""")
        .param("agency", agency)
        .param("year", year)
        .param("period", period)
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new UnitStages(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    rs.getInt(9)))
        .list();
  }

  /** Open tasks of the agency's people or units per step: overdue, and escalated to officers. */
  record StepLoad(String step, int overdue, int escalated) {}

  List<StepLoad> overdueAndEscalated(String agency, Instant now) {
    return jdbc.sql(
            """
            with recursive tree as (
              select id, code from org_unit where (cast(:agency as text) is null and parent_id is null) or code = :agency
              union all select u.id, u.code from org_unit u join tree t on u.parent_id = t.id)
            select name, count(*) filter (where due_date < :now),
                   count(*) filter (where 'PENGELOLA_KINERJA' = any(candidate_groups))
              from user_task
             where state = 'OPEN'
               and (employee_nip in (select e.nip::varchar from employee e where e.unit_id in (select id from tree))
                    or variables ->> 'unitCode' in (select code from tree))
             group by name
            having count(*) filter (where due_date < :now) > 0
                or count(*) filter (where 'PENGELOLA_KINERJA' = any(candidate_groups)) > 0
             order by name""")
        .param("agency", agency)
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new StepLoad(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .list();
  }

  /** Appeals of the agency's people filed against results of the year, per status. */
  Map<String, Integer> appeals(String agency, int year) {
    var counts = new HashMap<String, Integer>();
    jdbc.sql(
            """
            with recursive tree as (
              select id from org_unit where (cast(:agency as text) is null and parent_id is null) or code = :agency
              union all select u.id from org_unit u join tree t on u.parent_id = t.id)
            select a.status, count(*) from appeal a join evaluation ev on ev.id = a.evaluation_id
              join employee e on e.nip = ev.employee_nip
             where ev.period_year = :year and e.unit_id in (select id from tree) group by a.status""")
        .param("agency", agency)
        .param("year", year)
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getInt(2));
            });
    return counts;
  }

  /** Coaches of the agency with their open and closed assignments and their capacity. */
  record CoachLoad(String name, int open, int closed, Integer capacity) {}

  List<CoachLoad> coachingLoad(String agency) {
    return jdbc.sql(
            """
            with recursive tree as (
              select id from org_unit where (cast(:agency as text) is null and parent_id is null) or code = :agency
              union all select u.id from org_unit u join tree t on u.parent_id = t.id)
            select coalesce(e.name, a.coach_username), count(*) filter (where a.status = 'OPEN'),
                   count(*) filter (where a.status = 'CLOSED'),
                   (select max(c.capacity) from coach c where c.employee_id = e.id)
              from coaching_assignment a left join employee e on e.id = a.coach_employee_id
             where e.unit_id in (select id from tree)
             group by e.id, e.name, a.coach_username order by 2 desc, 1""")
        .param("agency", agency)
        .query(
            (rs, n) ->
                new CoachLoad(
                    rs.getString(1), rs.getInt(2), rs.getInt(3), (Integer) rs.getObject(4)))
        .list();
  }

  /** The unit reviews of the year within the agency. */
  List<Long> reviews(String agency, int year) {
    return jdbc.sql(
            """
            with recursive tree as (
              select id, code from org_unit where (cast(:agency as text) is null and parent_id is null) or code = :agency
              union all select u.id, u.code from org_unit u join tree t on u.parent_id = t.id)
            select r.id from unit_review r where r.period_year = :year and r.unit_code in (select code from tree)
             order by r.unit_code, r.period""")
        .param("agency", agency)
        .param("year", year)
        .query(Long.class)
        .list();
  }

  /** An employee's delivered results, oldest first. */
  record Result(int year, String period, String predikat) {}

  List<Result> results(String nip) {
    return jdbc.sql(
            """
            select period_year, period, predikat from evaluation
             where employee_nip = :nip and status = 'DELIVERED' and predikat is not null
             order by period_year, case period when 'Q1' then 1 when 'Q2' then 2 when 'Q3' then 3 when 'Q4' then 4 else 5 end""")
        .param("nip", nip)
        .query((rs, n) -> new Result(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private List<Map<String, Object>> items(String text) {
    try {
      return json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
