package id.kinerja.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation tree: agencies (the top-level units), units, employees, and who rates whom. The
 * rater (pejabat penilai) and the appeal decider (atasan pejabat penilai) are always derived here,
 * never typed per task: a rater override named by the Pengelola Kinerja, else the direct superior,
 * else the head of the unit up the tree (or the acting head of a vacant unit), and for the head of
 * an agency the officials configured for that agency.
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
  private final AgencyTime time;

  Organisation(JdbcClient jdbc, AgencyTime time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  /** Where an employee's rater comes from. */
  public enum RaterSource {
    OVERRIDE,
    SUPERIOR,
    UNIT_HEAD,
    ACTING_HEAD,
    AGENCY_OFFICIAL
  }

  /** The rater as derived, with how; the reason of an override. */
  public record Rater(Employee employee, RaterSource source, String overrideReason) {}

  /**
   * Someone acting (Plt/Plh) in a post for a date range; the post is a unit's head or a holder's.
   */
  public record Acting(
      long id,
      Long unitId,
      String unitCode,
      Long holderId,
      Employee acting,
      String kind,
      LocalDate startsOn,
      LocalDate endsOn,
      String reason) {}

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

  /** The employee signed in with this user name; an agency official outside every tree, too. */
  public Optional<Employee> byUsername(String username) {
    return jdbc.sql(EMPLOYEE + " where au.username = :username")
        .param("username", username)
        .query(this::employee)
        .optional()
        .or(() -> official(username));
  }

  /** The employee's rater, as {@link #raterOf} derives it. */
  public Optional<Employee> rater(Employee employee) {
    return raterOf(employee).map(Rater::employee);
  }

  /**
   * The employee's rater: the override when one is set; the direct superior; otherwise the head of
   * the employee's unit (unless that is the employee), else of the nearest unit above; a vacant
   * head's acting official counts as the head. The head of an agency is rated by the agency's
   * configured rater.
   */
  public Optional<Rater> raterOf(Employee employee) {
    return derive(employee, true);
  }

  /** The rater the tree gives, leaving an override aside: shown beside the override. */
  public Optional<Employee> treeRater(Employee employee) {
    return derive(employee, false).map(Rater::employee);
  }

  private Optional<Rater> derive(Employee employee, boolean withOverride) {
    if (employee.id() < 0) {
      return Optional.empty(); // an agency official: rated outside the installation
    }
    var override =
        jdbc.sql("select rater_employee_id, reason from rater_override where employee_id = :id")
            .param("id", employee.id())
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .optional();
    if (withOverride && override.isPresent()) {
      return byId(override.get().getKey())
          .map(r -> new Rater(r, RaterSource.OVERRIDE, override.get().getValue()));
    }
    if (employee.superiorId() != null) {
      return byId(employee.superiorId()).map(r -> new Rater(r, RaterSource.SUPERIOR, null));
    }
    Long unitId = employee.unitId();
    Long agencyId = null;
    while (unitId != null) {
      var unit =
          jdbc.sql("select parent_id, head_employee_id from org_unit where id = :id")
              .param("id", unitId)
              .query((rs, n) -> new Long[] {(Long) rs.getObject(1), (Long) rs.getObject(2)})
              .single();
      if (unit[1] != null && unit[1] != employee.id()) {
        return byId(unit[1]).map(r -> new Rater(r, RaterSource.UNIT_HEAD, null));
      }
      if (unit[1] == null) {
        Optional<Acting> acting = actingHead(unitId);
        if (acting.isPresent() && acting.get().acting().id() != employee.id()) {
          return Optional.of(new Rater(acting.get().acting(), RaterSource.ACTING_HEAD, null));
        }
      }
      agencyId = unitId;
      unitId = unit[0];
    }
    return agencyOfficial(agencyId, "RATER")
        .map(r -> new Rater(r, RaterSource.AGENCY_OFFICIAL, null));
  }

  /**
   * Decides the employee's appeals (keberatan): the rater's rater; for the head of an agency, the
   * appeal decider configured for the agency.
   */
  public Optional<Employee> appealDecider(Employee employee) {
    Optional<Rater> rater = raterOf(employee);
    if (rater.isEmpty()) {
      return Optional.empty();
    }
    if (rater.get().source() == RaterSource.AGENCY_OFFICIAL) {
      return agencyOfficial(agencyOf(employee).id(), "APPEAL_DECIDER");
    }
    return rater(rater.get().employee());
  }

  /**
   * Whether the person is the employee, their rater or the rater's superior (who decides their
   * appeals), or acts for one of them today: the people an employee's records concern.
   */
  public boolean concerns(Employee employee, String username) {
    if (username.equals(employee.username())) {
      return true;
    }
    for (Employee official :
        List.of(rater(employee), appealDecider(employee)).stream()
            .flatMap(Optional::stream)
            .toList()) {
      if (username.equals(official.username())
          || replacementOf(official)
              .map(a -> username.equals(a.acting().username()))
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The active employees this person rates: their own, and those of every post they act in today.
   */
  public List<Employee> subordinates(Employee rater) {
    var result = new ArrayList<>(ratedBy(rater));
    for (Acting acting : actingAppointmentsOf(rater)) {
      if (acting.holderId() != null) {
        byId(acting.holderId()).ifPresent(holder -> result.addAll(ratedBy(holder)));
      } else {
        unitHead(acting.unitId()).ifPresent(holder -> result.addAll(ratedBy(holder)));
      }
    }
    return result.stream().filter(e -> e.id() != rater.id()).distinct().toList();
  }

  private List<Employee> ratedBy(Employee rater) {
    String noOverride =
        " and not exists (select 1 from rater_override o where o.employee_id = e.id)";
    var result =
        new ArrayList<>(
            jdbc.sql(
                    EMPLOYEE
                        + """
                         where e.active and (e.id in (select employee_id from rater_override where rater_employee_id = :id)
                           or (e.superior_id = :id"""
                        + noOverride
                        + ")) order by e.name")
                .param("id", rater.id())
                .query(this::employee)
                .list());
    // the few without a direct superior are rated by a unit head found up the tree
    jdbc
        .sql(EMPLOYEE + " where e.superior_id is null and e.active and e.id <> :id" + noOverride)
        .param("id", rater.id())
        .query(this::employee)
        .list()
        .stream()
        .filter(e -> rater(e).map(r -> r.id() == rater.id()).orElse(false))
        .forEach(result::add);
    return result;
  }

  /** The head of the unit; for a vacant post, whoever acts as its head today. */
  public Optional<Employee> head(OrgUnit unit) {
    if (unit.headEmployeeId() != null) {
      return byId(unit.headEmployeeId());
    }
    return actingHead(unit.id()).map(Acting::acting);
  }

  private Optional<Employee> unitHead(Long unitId) {
    return jdbc.sql(
            "select head_employee_id from org_unit where id = :id and head_employee_id is not null")
        .param("id", unitId)
        .query(Long.class)
        .optional()
        .flatMap(this::byId);
  }

  /**
   * Who acts today in the post this person holds (their own post, or the head of a unit they head):
   * their new tasks about other people go to that acting official.
   */
  public Optional<Acting> replacementOf(Employee holder) {
    return actings(
            """
            (a.holder_employee_id = :id
              or a.unit_id in (select u.id from org_unit u where u.head_employee_id = :id))""",
            Map.of("id", holder.id()))
        .stream()
        .findFirst();
  }

  /** The acting appointments this person holds today. */
  public List<Acting> actingAppointmentsOf(Employee acting) {
    return actings("a.acting_employee_id = :id", Map.of("id", acting.id()));
  }

  /** Who acts as the unit's head today, if anyone. */
  public Optional<Acting> actingHeadOf(OrgUnit unit) {
    return actingHead(unit.id());
  }

  private Optional<Acting> actingHead(long unitId) {
    return actings("a.unit_id = :unit", Map.of("unit", unitId)).stream().findFirst();
  }

  private List<Acting> actings(String condition, Map<String, Object> params) {
    return jdbc.sql(
            """
            select a.id, a.unit_id, u.code, a.holder_employee_id, a.acting_employee_id, a.kind,
                   a.starts_on, a.ends_on, a.reason
              from acting_official a left join org_unit u on u.id = a.unit_id
             where :today between a.starts_on and a.ends_on"""
                + " and "
                + condition
                + " order by a.starts_on, a.id")
        .params(params)
        // the default zone: agencies are at most two hours apart, acting ranges are whole days
        .param("today", time.today(time.defaultZone()))
        .query(this::acting)
        .list();
  }

  /** Every acting appointment of the units and holders of an agency, past, current and future. */
  public List<Acting> actingIn(String agencyCode) {
    var agencyUnits = unitIdsUnder(agencyCode);
    return jdbc.sql(
            """
            select a.id, a.unit_id, u.code, a.holder_employee_id, a.acting_employee_id, a.kind,
                   a.starts_on, a.ends_on, a.reason
              from acting_official a left join org_unit u on u.id = a.unit_id
              left join employee h on h.id = a.holder_employee_id
             where coalesce(a.unit_id, h.unit_id) in (:units) order by a.starts_on, a.id""")
        .param("units", agencyUnits.isEmpty() ? List.of(-1L) : agencyUnits)
        .query(this::acting)
        .list();
  }

  Acting acting(ResultSet rs, int n) throws SQLException {
    return new Acting(
        rs.getLong(1),
        (Long) rs.getObject(2),
        rs.getString(3),
        (Long) rs.getObject(4),
        byId(rs.getLong(5)).orElseThrow(),
        rs.getString(6),
        rs.getObject(7, LocalDate.class),
        rs.getObject(8, LocalDate.class),
        rs.getString(9));
  }

  /** The agency (top-level unit) a unit belongs to. */
  public OrgUnit agencyOf(long unitId) {
    return jdbc.sql(
            """
            with recursive up as (
              select id, parent_id from org_unit where id = :unit
              union all select u.id, u.parent_id from org_unit u join up on u.id = up.parent_id)
            select id, code, name, parent_id, head_employee_id from org_unit
             where id = (select id from up where parent_id is null)""")
        .param("unit", unitId)
        .query(this::orgUnit)
        .single();
  }

  /** The agency the person works in. */
  public OrgUnit agencyOf(Employee employee) {
    return agencyOf(employee.unitId());
  }

  /** The agency of the unit with this code, if the unit exists. */
  public Optional<OrgUnit> agencyOf(String unitCode) {
    return jdbc.sql("select id from org_unit where code = :code")
        .param("code", unitCode)
        .query(Long.class)
        .optional()
        .map(this::agencyOf);
  }

  /** The agencies: every top-level unit. */
  public List<OrgUnit> agencies() {
    return jdbc.sql(
            "select id, code, name, parent_id, head_employee_id from org_unit where parent_id is null order by code")
        .query(this::orgUnit)
        .list();
  }

  private List<Long> unitIdsUnder(String unitCode) {
    return jdbc.sql(
            """
            with recursive tree as (
              select id from org_unit where code = :code
              union all select u.id from org_unit u join tree t on u.parent_id = t.id)
            select id from tree""")
        .param("code", unitCode)
        .query(Long.class)
        .list();
  }

  /**
   * The official configured for the agency (kind RATER or APPEAL_DECIDER): their employee record
   * when they have one, else an employee outside every tree (for example the Kepala Daerah) with no
   * NIP and an id below zero that no employee has.
   */
  public Optional<Employee> agencyOfficial(Long agencyId, String kind) {
    if (agencyId == null) {
      return Optional.empty();
    }
    return officials(
        "o.agency_unit_id = :agency and o.kind = :kind", Map.of("agency", agencyId, "kind", kind));
  }

  private Optional<Employee> official(String username) {
    return officials("o.username = :username", Map.of("username", username));
  }

  private Optional<Employee> officials(String condition, Map<String, Object> params) {
    return jdbc.sql(
            """
            select au.employee_id, -au.id, o.name, o.position, o.agency_unit_id, u.code, u.name, au.username
              from agency_official o join app_user au on au.username = o.username
              join org_unit u on u.id = o.agency_unit_id
             where\s"""
                + condition
                + " order by o.agency_unit_id, o.kind desc limit 1")
        .params(params)
        .query(
            (rs, n) ->
                rs.getObject(1) != null
                    ? byId(rs.getLong(1)).orElseThrow()
                    : new Employee(
                        rs.getLong(2),
                        null,
                        rs.getString(3),
                        rs.getString(4),
                        "",
                        "",
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        null,
                        null,
                        true,
                        rs.getString(8)))
        .optional();
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

  /**
   * The position type (STRUKTURAL, FUNGSIONAL, PELAKSANA) of each employee of a unit and below, by
   * NIP.
   */
  public Map<String, String> positionTypesIn(String unitCode) {
    var types = new HashMap<String, String>();
    jdbc.sql(
            "select nip, position_type from employee where position_type is not null and unit_id in (:units)")
        .param("units", unitIdsUnder(unitCode).isEmpty() ? List.of(-1L) : unitIdsUnder(unitCode))
        .query(
            rs -> {
              types.put(rs.getString(1), rs.getString(2));
            });
    return types;
  }

  /** The active employees of exactly this unit. */
  public List<Employee> employeesOf(long unitId) {
    return jdbc.sql(EMPLOYEE + " where e.unit_id = :unit and e.active order by e.id")
        .param("unit", unitId)
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
    return jdbc.sql(
            "select id, code, name, parent_id, head_employee_id from org_unit where code = :code")
        .param("code", code)
        .query(this::orgUnit)
        .optional();
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
        .query(this::orgUnit)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from employee").query(Long.class).single();
  }

  private OrgUnit orgUnit(ResultSet rs, int n) throws SQLException {
    return new OrgUnit(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        (Long) rs.getObject(4),
        (Long) rs.getObject(5),
        List.of());
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
