package id.kinerja.organisation;

import id.kinerja.audit.AuditTrail;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections to the tree by the admin or the Pengelola Kinerja: a unit's name, parent and head; a
 * person's unit and direct superior; a rater override with its reason. Each is audited. Raters are
 * derived when a task is created, so a change during a running year applies to tasks created
 * afterwards; open tasks keep their assignee unless the Pengelola reassigns them.
 */
@Service
public class TreeEdits {

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final AuditTrail audit;

  TreeEdits(JdbcClient jdbc, Organisation organisation, AuditTrail audit) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.audit = audit;
  }

  public record UnitChange(String name, String parentCode, String headNip) {}

  @Transactional
  public OrgUnit editUnit(String code, UnitChange change, boolean mayMoveAgencies, String actor) {
    OrgUnit unit =
        organisation
            .unit(code)
            .orElseThrow(() -> OrganisationRefusal.notFound("organisation.unit.unknown", code));
    if (change.name() == null || change.name().isBlank()) {
      throw OrganisationRefusal.invalid("organisation.unit.nameRequired");
    }
    Long parentId = null;
    if (change.parentCode() != null && !change.parentCode().isBlank()) {
      OrgUnit parent =
          organisation
              .unit(change.parentCode())
              .orElseThrow(
                  () ->
                      OrganisationRefusal.invalid(
                          "organisation.unit.unknown", change.parentCode()));
      if (isSelfOrBelow(parent.id(), unit.id())) {
        throw OrganisationRefusal.invalid("organisation.unit.cycle", code);
      }
      parentId = parent.id();
    }
    boolean changesAgency =
        !Objects.equals(unit.parentId(), parentId)
            && (unit.parentId() == null
                || parentId == null
                || organisation.agencyOf(parentId).id() != organisation.agencyOf(unit.id()).id());
    if (changesAgency && !mayMoveAgencies) {
      throw OrganisationRefusal.invalid("organisation.unit.agencyLevel");
    }
    Long headId = null;
    if (change.headNip() != null && !change.headNip().isBlank()) {
      Employee head =
          organisation
              .byNip(change.headNip())
              .orElseThrow(
                  () ->
                      OrganisationRefusal.invalid(
                          "organisation.employee.unknown", change.headNip()));
      if (head.unitId() != unit.id() && !Objects.equals(head.unitId(), parentId)) {
        throw OrganisationRefusal.invalid("organisation.unit.headNotInUnit");
      }
      headId = head.id();
    }
    jdbc.sql(
            "update org_unit set name = :name, parent_id = :parent, head_employee_id = :head where id = :id")
        .param("name", change.name().strip())
        .param("parent", parentId)
        .param("head", headId)
        .param("id", unit.id())
        .update();
    audit.record(
        actor,
        "UNIT_CHANGED",
        "ORG_UNIT",
        code,
        describe(unit),
        describe(organisation.unit(code).orElseThrow()));
    return organisation.unit(code).orElseThrow();
  }

  private Map<String, Object> describe(OrgUnit unit) {
    var state = new HashMap<String, Object>();
    state.put("name", unit.name());
    state.put("parentId", unit.parentId());
    state.put("headEmployeeId", unit.headEmployeeId());
    return state;
  }

  private boolean isSelfOrBelow(long candidate, long unitId) {
    return jdbc.sql(
            """
            with recursive below as (
              select id from org_unit where id = :unit
              union all select u.id from org_unit u join below b on u.parent_id = b.id)
            select exists (select 1 from below where id = :candidate)""")
        .param("unit", unitId)
        .param("candidate", candidate)
        .query(Boolean.class)
        .single();
  }

  public record Move(String unitCode, String superiorNip) {}

  /** Moves a person to a unit and/or under another direct superior (none: the unit's head). */
  @Transactional
  public Employee move(String nip, Move move, String actor) {
    Employee employee = employee(nip);
    OrgUnit unit =
        organisation
            .unit(move.unitCode())
            .orElseThrow(
                () -> OrganisationRefusal.invalid("organisation.unit.unknown", move.unitCode()));
    Long superiorId = null;
    if (move.superiorNip() != null && !move.superiorNip().isBlank()) {
      Employee superior = employee(move.superiorNip());
      if (superior.id() == employee.id() || isRatedThrough(superior, employee)) {
        throw OrganisationRefusal.invalid("organisation.employee.superiorCycle");
      }
      superiorId = superior.id();
    }
    jdbc.sql("update employee set unit_id = :unit, superior_id = :superior where id = :id")
        .param("unit", unit.id())
        .param("superior", superiorId)
        .param("id", employee.id())
        .update();
    var before = new HashMap<String, Object>();
    before.put("unit", employee.unitCode());
    before.put("superiorId", employee.superiorId());
    var after = new HashMap<String, Object>();
    after.put("unit", unit.code());
    after.put("superiorId", superiorId);
    audit.record(actor, "EMPLOYEE_MOVED", "EMPLOYEE", nip, before, after);
    return employee(nip);
  }

  /** Whether the employee is somewhere up the candidate's chain of superiors and raters. */
  private boolean isRatedThrough(Employee candidate, Employee employee) {
    Optional<Employee> current = organisation.rater(candidate);
    for (int depth = 0; current.isPresent() && depth < 100; depth++) {
      if (current.get().id() == employee.id()) {
        return true;
      }
      current = organisation.rater(current.get());
    }
    return false;
  }

  /** Names the employee's rater where the tree gets it wrong; the reason is kept and shown. */
  @Transactional
  public void overrideRater(String nip, String raterNip, String reason, String actor) {
    Employee employee = employee(nip);
    if (raterNip == null || raterNip.isBlank()) {
      throw OrganisationRefusal.invalid("organisation.override.raterRequired");
    }
    if (reason == null || reason.isBlank()) {
      throw OrganisationRefusal.invalid("organisation.override.reasonRequired");
    }
    Employee rater = employee(raterNip);
    if (rater.id() == employee.id()) {
      throw OrganisationRefusal.invalid("organisation.override.self");
    }
    if (isRatedThrough(rater, employee)) {
      throw OrganisationRefusal.invalid("organisation.override.cycle");
    }
    String before = organisation.rater(employee).map(Employee::nip).orElse(null);
    jdbc.sql(
            """
            insert into rater_override (employee_id, rater_employee_id, reason, set_by) values (:e, :r, :reason, :actor)
            on conflict (employee_id) do update set rater_employee_id = excluded.rater_employee_id,
              reason = excluded.reason, set_by = excluded.set_by, set_at = now()""")
        .param("e", employee.id())
        .param("r", rater.id())
        .param("reason", reason.strip())
        .param("actor", actor)
        .update();
    var was = new HashMap<String, Object>();
    was.put("raterNip", before);
    audit.record(
        actor,
        "RATER_OVERRIDDEN",
        "EMPLOYEE",
        nip,
        was,
        Map.of("raterNip", raterNip, "reason", reason.strip()));
  }

  /** Removes the override: the tree decides again. */
  @Transactional
  public void clearOverride(String nip, String actor) {
    Employee employee = employee(nip);
    int removed =
        jdbc.sql("delete from rater_override where employee_id = :e")
            .param("e", employee.id())
            .update();
    if (removed > 0) {
      audit.record(actor, "RATER_OVERRIDE_REMOVED", "EMPLOYEE", nip, null, Map.of());
    }
  }

  private Employee employee(String nip) {
    return organisation
        .byNip(nip)
        .orElseThrow(() -> OrganisationRefusal.notFound("organisation.employee.unknown", nip));
  }
}
