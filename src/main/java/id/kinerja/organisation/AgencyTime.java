package id.kinerja.organisation;

import id.kinerja.engine.EngineClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time zone of an agency ({@link TimeZoneProperties}) and today there, by the engine's clock.
 * Processes get the zone as {@value #OFFSET_VARIABLE} (e.g. "+09:00"): their timers and due dates
 * are written in it. Indonesia keeps no daylight saving time, so an agency's offset never changes.
 */
@Component
public class AgencyTime {

  /** The process variable holding the agency's offset, e.g. "+08:00". */
  public static final String OFFSET_VARIABLE = "zoneOffset";

  private final TimeZoneProperties properties;
  private final JdbcClient jdbc;
  private final EngineClock clock;

  AgencyTime(TimeZoneProperties properties, JdbcClient jdbc, EngineClock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public ZoneId defaultZone() {
    return properties.defaultZone();
  }

  /** The zone of the agency the unit belongs to; the default zone for an unknown unit. */
  public ZoneId zoneOfUnit(String unitCode) {
    if (unitCode == null) {
      return defaultZone();
    }
    String agency =
        jdbc.sql(
                """
                with recursive up as (
                  select id, code, parent_id from org_unit where code = :code
                  union all select u.id, u.code, u.parent_id from org_unit u join up on u.id = up.parent_id)
                select code from up where parent_id is null""")
            .param("code", unitCode)
            .query(String.class)
            .optional()
            .orElse(null);
    return agency == null
        ? defaultZone()
        : properties.agencyZones().getOrDefault(agency, defaultZone());
  }

  public ZoneId zoneOf(Employee employee) {
    return employee == null ? defaultZone() : zoneOfUnit(employee.unitCode());
  }

  /**
   * The zone of the person signed in as this user; the default zone for users who are no employee.
   */
  public ZoneId zoneOfUser(String username) {
    String unit =
        jdbc.sql(
                """
                select o.code from app_user u join employee e on e.id = u.employee_id
                  join org_unit o on o.id = e.unit_id where u.username = :username""")
            .param("username", username)
            .query(String.class)
            .optional()
            .orElse(null);
    return zoneOfUnit(unit);
  }

  /** The zone's offset as processes write it, e.g. "+08:00". */
  public String offset(ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(clock.now());
    return offset == ZoneOffset.UTC ? "+00:00" : offset.getId();
  }

  public LocalDate today(ZoneId zone) {
    return clock.today(zone);
  }
}
