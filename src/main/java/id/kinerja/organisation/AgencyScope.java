package id.kinerja.organisation;

import id.kinerja.identity.KinerjaUser;
import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which agencies an officer looks after. A Pengelola Kinerja looks after the agency they work in
 * (its group tasks, periods, calibration board and follow-up lists); a Pengelola Kinerja BKPSDM and
 * an admin look after every agency. Features ask here before they show or change an agency's data.
 */
@Component
public class AgencyScope {

  /** The group of the Pengelola Kinerja of one agency: tasks offered to them carry it. */
  public static String officerGroup(String agencyCode) {
    return Role.PENGELOLA_KINERJA.name() + ":" + agencyCode;
  }

  private final Organisation organisation;
  private final Users users;

  AgencyScope(Organisation organisation, Users users) {
    this.organisation = organisation;
    this.users = users;
  }

  /** The agency an officer is limited to; empty when they look after every agency. */
  public Optional<String> limitedTo(Authentication auth) {
    boolean all =
        auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals(Role.ADMIN.authority())
                        || a.getAuthority().equals(Role.PENGELOLA_BKPSDM.authority()));
    return all ? Optional.empty() : Optional.of(agencyOfUser(auth.getName()));
  }

  /** The code of the agency the person works in; "" for someone outside every agency. */
  private String agencyOfUser(String username) {
    return organisation
        .byUsername(username)
        .filter(e -> e.id() > 0)
        .map(e -> organisation.agencyOf(e).code())
        .orElse("");
  }

  /** Whether the officer looks after the unit's agency (an unknown unit is nobody's). */
  public boolean covers(Authentication auth, String unitCode) {
    Optional<String> limit = limitedTo(auth);
    return limit.isEmpty()
        || organisation.agencyOf(unitCode).map(a -> a.code().equals(limit.get())).orElse(false);
  }

  /**
   * Refuses (403) a unit outside the officer's agency; an unknown unit is the caller's to refuse.
   */
  public void require(Authentication auth, String unitCode) {
    if (organisation.unit(unitCode).isPresent() && !covers(auth, unitCode)) {
      throw OrganisationRefusal.outsideAgency(unitCode);
    }
  }

  /** Refuses (403) an employee outside the officer's agency. */
  public void requireEmployee(Authentication auth, Employee employee) {
    require(auth, employee.unitCode());
  }

  /** The items of units the officer looks after. */
  public <T> List<T> filter(Authentication auth, List<T> items, Function<T, String> unitCode) {
    Optional<String> limit = limitedTo(auth);
    if (limit.isEmpty()) {
      return items;
    }
    Map<String, Boolean> covered = new HashMap<>();
    return items.stream()
        .filter(
            item ->
                covered.computeIfAbsent(
                    unitCode.apply(item),
                    code ->
                        code != null
                            && organisation
                                .agencyOf(code)
                                .map(a -> a.code().equals(limit.get()))
                                .orElse(false)))
        .toList();
  }

  /** The items about employees (by NIP) of the officer's agency. */
  public <T> List<T> filterByNip(Authentication auth, List<T> items, Function<T, String> nip) {
    if (limitedTo(auth).isEmpty()) {
      return items;
    }
    Map<String, String> units = new HashMap<>();
    return filter(
        auth,
        items,
        item ->
            units.computeIfAbsent(
                nip.apply(item), n -> organisation.byNip(n).map(Employee::unitCode).orElse(null)));
  }

  /**
   * Whether this user, as an officer, looks after the agency: for announcing a group task only to
   * the officers who will see it.
   */
  public boolean coversAgency(String username, String agencyCode) {
    Optional<KinerjaUser> user = users.find(username);
    if (user.isEmpty()) {
      return false;
    }
    if (user.get().has(Role.ADMIN) || user.get().has(Role.PENGELOLA_BKPSDM)) {
      return true;
    }
    return agencyCode.equals(agencyOfUser(username));
  }

  /** The agency a task is about: its employee's, else its unit's; empty when neither is known. */
  public Optional<String> agencyOfTask(Object employeeNip, Object unitCode) {
    if (employeeNip != null) {
      Optional<Employee> employee = organisation.byNip(employeeNip.toString());
      if (employee.isPresent()) {
        return Optional.of(organisation.agencyOf(employee.get()).code());
      }
    }
    return unitCode == null
        ? Optional.empty()
        : organisation.agencyOf(unitCode.toString()).map(OrgUnit::code);
  }
}
