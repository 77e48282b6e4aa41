package id.kinerja.organisation;

import id.kinerja.audit.AuditTrail;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting officials (Plt, pelaksana tugas; Plh, pelaksana harian) named by the Pengelola Kinerja for
 * a post and a date range. During the range the acting official gets the post's new tasks and sees
 * its team ({@link Organisation#replacementOf}, {@link Organisation#subordinates}); the task trail
 * names both. A range that ends before it starts, or overlaps another for the same post, is
 * refused.
 */
@Service
public class ActingOfficials {

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final AgencyTime time;
  private final AuditTrail audit;

  ActingOfficials(JdbcClient jdbc, Organisation organisation, AgencyTime time, AuditTrail audit) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.time = time;
    this.audit = audit;
  }

  /** The post is a unit's head (unitCode) or the post someone holds (holderNip): one of them. */
  public record Appointment(
      String unitCode,
      String holderNip,
      String actingNip,
      String kind,
      LocalDate startsOn,
      LocalDate endsOn,
      String reason) {}

  /** The years an appointment may fall in. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  @Transactional
  public long appoint(Appointment a, String actor) {
    boolean byUnit = a.unitCode() != null && !a.unitCode().isBlank();
    boolean byHolder = a.holderNip() != null && !a.holderNip().isBlank();
    if (byUnit == byHolder) {
      throw OrganisationRefusal.invalid("organisation.acting.post");
    }
    if (!"PLT".equals(a.kind()) && !"PLH".equals(a.kind())) {
      throw OrganisationRefusal.invalid("organisation.acting.kind");
    }
    if (a.startsOn() == null || a.endsOn() == null || a.endsOn().isBefore(a.startsOn())) {
      throw OrganisationRefusal.invalid("organisation.acting.range", a.startsOn(), a.endsOn());
    }
    if (a.startsOn().getYear() < FIRST_YEAR || a.endsOn().getYear() > LAST_YEAR) {
      // the database would store a far year as another date, not refuse it
      throw OrganisationRefusal.invalid(
          "organisation.acting.years", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
    Employee acting = employee(a.actingNip());
    Long unitId = null;
    Long holderId = null;
    if (byUnit) {
      OrgUnit unit =
          organisation
              .unit(a.unitCode())
              .orElseThrow(
                  () -> OrganisationRefusal.invalid("organisation.unit.unknown", a.unitCode()));
      if (unit.headEmployeeId() != null && unit.headEmployeeId() == acting.id()) {
        throw OrganisationRefusal.invalid("organisation.acting.self");
      }
      unitId = unit.id();
    } else {
      Employee holder = employee(a.holderNip());
      if (holder.id() == acting.id()) {
        throw OrganisationRefusal.invalid("organisation.acting.self");
      }
      holderId = holder.id();
    }
    jdbc.sql("select pg_advisory_xact_lock(hashtext('acting_official'))")
        .query((rs, n) -> 1)
        .list();
    var overlap =
        jdbc.sql(
                """
                select starts_on, ends_on from acting_official
                 where (unit_id = :unit or holder_employee_id = :holder)
                   and starts_on <= :ends and ends_on >= :starts order by starts_on limit 1""")
            .param("unit", unitId)
            .param("holder", holderId)
            .param("starts", a.startsOn())
            .param("ends", a.endsOn())
            .query(
                (rs, n) ->
                    new LocalDate[] {
                      rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)
                    })
            .optional();
    if (overlap.isPresent()) {
      throw OrganisationRefusal.invalid(
          "organisation.acting.overlap", overlap.get()[0], overlap.get()[1]);
    }
    long id =
        jdbc.sql(
                """
                insert into acting_official (unit_id, holder_employee_id, acting_employee_id, kind, starts_on, ends_on, reason, created_by)
                values (:unit, :holder, :acting, :kind, :starts, :ends, :reason, :actor) returning id""")
            .param("unit", unitId)
            .param("holder", holderId)
            .param("acting", acting.id())
            .param("kind", a.kind())
            .param("starts", a.startsOn())
            .param("ends", a.endsOn())
            .param("reason", a.reason())
            .param("actor", actor)
            .query(Long.class)
            .single();
    var after = new HashMap<String, Object>();
    after.put("unit", a.unitCode());
    after.put("holderNip", a.holderNip());
    after.put("actingNip", a.actingNip());
    after.put("kind", a.kind());
    after.put("startsOn", a.startsOn().toString());
    after.put("endsOn", a.endsOn().toString());
    audit.record(actor, "ACTING_APPOINTED", "ACTING", id, null, after);
    return id;
  }

  /** Ends an appointment early, today (by the engine's clock); the past stays as it was. */
  @Transactional
  public void end(long id, String actor) {
    var range =
        jdbc.sql("select starts_on, ends_on from acting_official where id = :id for update")
            .param("id", id)
            .query(
                (rs, n) ->
                    new LocalDate[] {
                      rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)
                    })
            .optional()
            .orElseThrow(() -> OrganisationRefusal.notFound("organisation.acting.unknown", id));
    LocalDate today = time.today(time.defaultZone());
    if (range[1].isBefore(today)) {
      throw OrganisationRefusal.invalid("organisation.acting.ended", range[1]);
    }
    if (today.isBefore(range[0])) {
      throw OrganisationRefusal.invalid("organisation.acting.endBeforeStart", range[0]);
    }
    jdbc.sql("update acting_official set ends_on = :today where id = :id")
        .param("today", today)
        .param("id", id)
        .update();
    audit.record(
        actor,
        "ACTING_ENDED",
        "ACTING",
        id,
        Map.of("endsOn", range[1].toString()),
        Map.of("endsOn", today.toString()));
  }

  /** The unit of an appointment's post, to check the officer's agency. */
  public String unitCodeOf(long id) {
    return jdbc.sql(
            """
            select coalesce(u.code, hu.code) from acting_official a left join org_unit u on u.id = a.unit_id
              left join employee h on h.id = a.holder_employee_id left join org_unit hu on hu.id = h.unit_id
             where a.id = :id""")
        .param("id", id)
        .query(String.class)
        .optional()
        .orElseThrow(() -> OrganisationRefusal.notFound("organisation.acting.unknown", id));
  }

  private Employee employee(String nip) {
    return organisation
        .byNip(nip)
        .orElseThrow(() -> OrganisationRefusal.invalid("organisation.employee.unknown", nip));
  }
}
