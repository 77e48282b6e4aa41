package id.kinerja.tasklist;

import id.kinerja.engine.Engine.HumanTask;
import id.kinerja.identity.Role;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a task collected now is for. A task offered to the Pengelola Kinerja is also offered to the
 * group of its employee's (or unit's) agency, so that each agency's officers see their own; a task
 * assigned to someone who has an acting official today (Plt/Plh) and that is about another person
 * goes to the acting official, who does it for them. Tasks collected earlier keep their assignee.
 */
@Component
class TaskRouting {

  private final Organisation organisation;
  private final AgencyScope scope;

  TaskRouting(Organisation organisation, AgencyScope scope) {
    this.organisation = organisation;
    this.scope = scope;
  }

  /** The task as the tasklist keeps it; actingFor is whom the acting assignee stands in for. */
  record Routed(HumanTask task, String actingFor, String agencyCode) {}

  Routed route(HumanTask task) {
    Object nip = task.variables().get("employeeNip");
    Optional<String> agency = scope.agencyOfTask(nip, task.variables().get("unitCode"));
    List<String> groups = task.candidateGroups();
    if (agency.isPresent() && groups.contains(Role.PENGELOLA_KINERJA.name())) {
      groups = new ArrayList<>(groups);
      groups.add(AgencyScope.officerGroup(agency.get()));
    }
    String assignee = task.assignee();
    String actingFor = null;
    if (assignee != null && !assignee.isBlank()) {
      Optional<Employee> holder = organisation.byUsername(assignee);
      if (holder.isPresent() && !Objects.equals(holder.get().nip(), nip)) {
        Optional<String> acting =
            organisation.replacementOf(holder.get()).map(a -> a.acting().username());
        if (acting.isPresent()) {
          actingFor = assignee;
          assignee = acting.get();
        }
      }
    }
    return new Routed(
        new HumanTask(
            task.key(),
            task.processInstanceKey(),
            task.processDefinitionKey(),
            task.processId(),
            task.processVersion(),
            task.elementId(),
            task.elementInstanceKey(),
            assignee,
            groups,
            task.candidateUsers(),
            task.dueDate(),
            task.followUpDate(),
            task.formKey(),
            task.variables()),
        actingFor,
        agency.orElse(null));
  }
}
