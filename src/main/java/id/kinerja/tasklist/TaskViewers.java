package id.kinerja.tasklist;

import id.kinerja.identity.Role;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The signed-in person as the tasklist sees them, for every endpoint about a task. */
@Component
public class TaskViewers {

  private final AgencyScope scope;

  TaskViewers(AgencyScope scope) {
    this.scope = scope;
  }

  /**
   * Tasks are offered to groups named like roles (PENGELOLA_KINERJA, PROCESS_OWNER, ...); a
   * Pengelola Kinerja of one agency sees only the group tasks of that agency.
   */
  public Viewer of(Authentication auth) {
    List<String> groups =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
            .toList();
    if (!groups.contains(Role.PENGELOLA_KINERJA.name())) {
      return new Viewer(auth.getName(), groups); // no agency to look up, on every list and click
    }
    var limit = scope.limitedTo(auth);
    return new Viewer(
        auth.getName(),
        groups.stream()
            .map(
                g ->
                    g.equals(Role.PENGELOLA_KINERJA.name()) && limit.isPresent()
                        ? AgencyScope.officerGroup(limit.get())
                        : g)
            .toList());
  }
}
