package id.kinerja.organisation;

import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each agency works [C]: WIB (Asia/Jakarta, +07:00), WITA (Asia/Makassar, +08:00) or WIT
 * (Asia/Jayapura, +09:00). Due dates, appeal windows, timers and displayed times follow the zone of
 * the agency (the top-level unit of the organisation tree) a person, unit or process belongs to.
 *
 * @param defaultZone the zone of agencies not listed (kinerja.time.default-zone)
 * @param agencyZones per agency, keyed by its top-level unit code (kinerja.time.agency-zones.CODE)
 */
@ConfigurationProperties("kinerja.time")
public record TimeZoneProperties(
    @DefaultValue("Asia/Makassar") ZoneId defaultZone, Map<String, ZoneId> agencyZones) {

  public TimeZoneProperties {
    agencyZones = agencyZones == null ? Map.of() : Map.copyOf(agencyZones);
  }
}
