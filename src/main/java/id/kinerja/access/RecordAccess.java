package id.kinerja.access;

import id.kinerja.identity.Role;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read whose documents, exports and dashboards, in one place. People concerned by an
 * employee's records (the employee, the rater, the rater's superior) read that employee's; officers
 * read those of their agency: admins every agency, a Pengelola Kinerja the agency of their own
 * unit.
 *
 * <p>An agency is, for now, a unit's top-level ancestor ({@link #agencyOf}). When agencies become
 * their own records with their own officers, this class is the one to point at them.
 */
@Component
public class RecordAccess {

  private final JdbcClient jdbc;
  private final Organisation organisation;

  RecordAccess(JdbcClient jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** The agency a unit belongs to: the code of its top-level ancestor; empty for unknown units. */
  public Optional<String> agencyOf(String unitCode) {
    return jdbc.sql(
            """
            with recursive up as (
              select id, code, parent_id from org_unit where code = :code
              union all select u.id, u.code, u.parent_id from org_unit u join up on u.id = up.parent_id)
            select code from up where parent_id is null""")
        .param("code", unitCode)
        .query(String.class)
        .optional();
  }

  /**
   * Whether the officer's remit covers the unit: an admin's covers every unit, a Pengelola
   * Kinerja's the units of their own agency; nobody else's covers any.
   */
  public boolean covers(Authentication auth, String unitCode) {
    if (hasRole(auth, Role.ADMIN)) {
      return true;
    }
    if (!hasRole(auth, Role.PENGELOLA_KINERJA)) {
      return false;
    }
    Optional<String> own = officerAgency(auth);
    return own.isPresent() && own.equals(agencyOf(unitCode));
  }

  /** Whether the person's remit covers every agency (admins). */
  public boolean coversEveryAgency(Authentication auth) {
    return hasRole(auth, Role.ADMIN);
  }

  /**
   * The agency whose records an officer reads: a Pengelola Kinerja's own; empty for an admin (every
   * agency) and for anyone else.
   */
  public Optional<String> officerAgency(Authentication auth) {
    if (hasRole(auth, Role.ADMIN) || !hasRole(auth, Role.PENGELOLA_KINERJA)) {
      return Optional.empty();
    }
    return organisation.byUsername(auth.getName()).flatMap(e -> agencyOf(e.unitCode()));
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

  private static boolean hasRole(Authentication auth, Role role) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
  }
}
