package id.kinerja.identity;

import id.kinerja.organisation.AgencyTime;
import java.security.Principal;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows the time zone of the signed-in person's agency, so that times are shown as they
 * read there (WIB, WITA, WIT): the layout passes it to the page scripts.
 */
@ControllerAdvice(annotations = Controller.class)
class AgencyZoneAdvice {

  private final AgencyTime time;

  AgencyZoneAdvice(AgencyTime time) {
    this.time = time;
  }

  @ModelAttribute("agencyZone")
  String agencyZone(Principal principal) {
    return zone(principal).getId();
  }

  @ModelAttribute("agencyZoneOffset")
  String agencyZoneOffset(Principal principal) {
    return time.offset(zone(principal));
  }

  private ZoneId zone(Principal principal) {
    return principal == null ? time.defaultZone() : time.zoneOfUser(principal.getName());
  }
}
