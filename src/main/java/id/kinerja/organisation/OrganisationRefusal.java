package id.kinerja.organisation;

import id.kinerja.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A refused change to the organisation, with a message code of the organisation bundle. */
public class OrganisationRefusal extends Refusal {

  OrganisationRefusal(HttpStatus status, String code, Object... arguments) {
    super(status, code, arguments);
  }

  static OrganisationRefusal invalid(String code, Object... arguments) {
    return new OrganisationRefusal(HttpStatus.UNPROCESSABLE_ENTITY, code, arguments);
  }

  static OrganisationRefusal notFound(String code, Object... arguments) {
    return new OrganisationRefusal(HttpStatus.NOT_FOUND, code, arguments);
  }

  /** Outside the agency the Pengelola Kinerja looks after. */
  public static OrganisationRefusal outsideAgency(String unitCode) {
    return new OrganisationRefusal(
        HttpStatus.FORBIDDEN, "organisation.scope.outsideAgency", unitCode);
  }
}
