package id.kinerja.access;

import id.kinerja.identity.Role;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.OrgUnit;
import id.kinerja.organisation.Organisation;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read whose documents, exports and dashboards, in one place. People concerned by an
 * employee's records (the employee, the rater, the rater's superior) read that employee's; officers
 * read those of the agencies they look after ({@link AgencyScope}: a Pengelola Kinerja their own, a
 * Pengelola Kinerja BKPSDM and admins every agency).
 */
@Component
public class RecordAccess {

  private final Organisation organisation;
  private final AgencyScope scope;

  RecordAccess(Organisation organisation, AgencyScope scope) {
    this.organisation = organisation;
    this.scope = scope;
  }

  /** The agency a unit belongs to: the code of its top-level ancestor; empty for unknown units. */
  public Optional<String> agencyOf(String unitCode) {
    return organisation.agencyOf(unitCode).map(OrgUnit::code);
  }

  /** Whether the person is an officer whose remit covers the unit. */
  public boolean covers(Authentication auth, String unitCode) {
    return Role.isOfficer(auth) && scope.covers(auth, unitCode);
  }

  /** Whether the person is an officer of every agency. */
  public boolean coversEveryAgency(Authentication auth) {
    return Role.isOfficer(auth) && scope.limitedTo(auth).isEmpty();
  }

  /** The one agency an officer reads; empty for an officer of every agency and for anyone else. */
  public Optional<String> officerAgency(Authentication auth) {
    return Role.isOfficer(auth) ? scope.limitedTo(auth) : Optional.empty();
  }

  /**
   * Whether the person may read the employee's records and documents: the employee, their rater and
   * the rater's superior as the tree says now or as the record names them ({@code recordedPeople},
   * user names), and officers covering the employee's unit.
   */
  public boolean mayRead(
      Employee employee, Authentication auth, Collection<String> recordedPeople) {
    return organisation.concerns(employee, auth.getName())
        || recordedPeople.contains(auth.getName())
        || covers(auth, employee.unitCode());
  }
}
