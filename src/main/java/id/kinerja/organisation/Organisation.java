package id.kinerja.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation tree: units, employees, and who rates whom. The rater (pejabat penilai) and the
 * appeal decider (atasan pejabat penilai) are always derived from the tree, never typed per task.
 */
@Repository
public class Organisation {

  private static final String EMPLOYEE =
      """
      select e.id, e.nip, e.name, e.position, e.grade, e.employee_type, e.unit_id, u.code, u.name as unit_name,
             e.superior_id, e.email, e.active, au.username
        from employee e join org_unit u on u.id = e.unit_id left join app_user au on au.employee_id = e.id
      """;

  private final JdbcClient jdbc;

  Organisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Employee> byNip(String nip) {
    return jdbc.sql(EMPLOYEE + " where e.nip = :nip")
        .param("nip", nip)
        .query(this::employee)
        .optional();
  }

  public Optional<Employee> byId(long id) {
    return jdbc.sql(EMPLOYEE + " where e.id = :id")
        .param("id", id)
        .query(this::employee)
        .optional();
  }

  public Optional<Employee> byUsername(String username) {
    return jdbc.sql(EMPLOYEE + " where au.username = :username")
        .param("username", username)
        .query(this::employee)
        .optional();
  }

  /**
   * The employee's rater: the direct superior when set; otherwise the head of the employee's unit
   * (unless that is the employee), else the head of the nearest unit above.
   */
  public Optional<Employee> rater(Employee employee) {
    if (employee.superiorId() != null) {
      return byId(employee.superiorId());
    }
    Long unitId = employee.unitId();
    while (unitId != null) {
      var unit =
          jdbc.sql("select parent_id, head_employee_id from org_unit where id = :id")
              .param("id", unitId)
              .query((rs, n) -> new Long[] {(Long) rs.getObject(1), (Long) rs.getObject(2)})
              .single();
      if (unit[1] != null && unit[1] != employee.id()) {
        return byId(unit[1]);
      }
      unitId = unit[0];
    }
    return Optional.empty();
  }

  /** The rater's rater: decides the employee's appeals (keberatan). */
  public Optional<Employee> appealDecider(Employee employee) {
    return rater(employee).flatMap(this::rater);
  }

  /**
   * Whether the person is the employee, their rater or the rater's superior (who decides their
   * appeals): the people an employee's records concern.
   */
  public boolean concerns(Employee employee, String username) {
    if (username.equals(employee.username())) {
      return true;
    }
    Optional<Employee> rater = rater(employee);
    return rater.map(r -> username.equals(r.username())).orElse(false)
        || rater.flatMap(this::rater).map(d -> username.equals(d.username())).orElse(false);
  }

  /** The active employees whose rater this employee is. */
  public List<Employee> subordinates(Employee rater) {
    var result =
        new ArrayList<>(
            jdbc.sql(EMPLOYEE + " where e.superior_id = :id and e.active order by e.name")
                .param("id", rater.id())
                .query(this::employee)
                .list());
    // the few without a direct superior are rated by a unit head found up the tree
    jdbc
        .sql(EMPLOYEE + " where e.superior_id is null and e.active and e.id <> :id")
        .param("id", rater.id())
        .query(this::employee)
        .list()
        .stream()
        .filter(e -> rater(e).map(r -> r.id() == rater.id()).orElse(false))
        .forEach(result::add);
    return result;
  }

  /** Active employees of the unit and every unit below it; all employees when unitCode is null. */
  public List<Employee> employeesIn(String unitCode) {
    if (unitCode == null) {
      return jdbc.sql(EMPLOYEE + " order by e.id").query(this::employee).list();
    }
    return jdbc.sql(
            """
            with recursive tree as (
              select id from org_unit where code = :code
              union all select u.id from org_unit u join tree t on u.parent_id = t.id)
            """
                + EMPLOYEE
                + " where e.unit_id in (select id from tree) and e.active order by e.id")
        .param("code", unitCode)
        .query(this::employee)
        .list();
  }

  /** A page of employees, optionally of one unit, matching a name or NIP fragment. */
  public List<Employee> search(String unitCode, String text, int page, int size) {
    return jdbc.sql(
            EMPLOYEE
                + """
                 where (cast(:unit as text) is null or u.code = :unit)
                   and (cast(:text as text) is null or e.name ilike :like or e.nip like :like)
                 order by e.name limit :size offset :offset""")
        .param("unit", unitCode)
        .param("text", text)
        .param("like", text == null ? null : "%" + text + "%")
        .param("size", size)
        .param("offset", (long) page * size)
        .query(this::employee)
        .list();
  }

  public Optional<OrgUnit> unit(String code) {
    return units().stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /** Every unit; the roots carry their sub-units as children. */
  public List<OrgUnit> tree() {
    List<OrgUnit> flat = units();
    Map<Long, List<OrgUnit>> children = new HashMap<>();
    flat.forEach(u -> children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u));
    return withChildren(children.getOrDefault(null, List.of()), children);
  }

  private List<OrgUnit> withChildren(List<OrgUnit> units, Map<Long, List<OrgUnit>> children) {
    return units.stream()
        .map(
            u ->
                new OrgUnit(
                    u.id(),
                    u.code(),
                    u.name(),
                    u.parentId(),
                    u.headEmployeeId(),
                    withChildren(children.getOrDefault(u.id(), List.of()), children)))
        .toList();
  }

  private List<OrgUnit> units() {
    return jdbc.sql("select id, code, name, parent_id, head_employee_id from org_unit order by id")
        .query(
            (rs, n) ->
                new OrgUnit(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Long) rs.getObject(4),
                    (Long) rs.getObject(5),
                    List.of()))
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from employee").query(Long.class).single();
  }

  private Employee employee(ResultSet rs, int n) throws SQLException {
    return new Employee(
        rs.getLong("id"),
        rs.getString("nip"),
        rs.getString("name"),
        rs.getString("position"),
        rs.getString("grade"),
        rs.getString("employee_type"),
        rs.getLong("unit_id"),
        rs.getString("code"),
        rs.getString("unit_name"),
        (Long) rs.getObject("superior_id"),
        rs.getString("email"),
        rs.getBoolean("active"),
        rs.getString("username"));
  }
}
