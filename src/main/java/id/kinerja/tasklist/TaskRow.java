package id.kinerja.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A human task as the tasklist keeps it; actingFor names whom the assignee stands in for, when the
 * task went to an acting official (Plt/Plh).
 */
public record TaskRow(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String processId,
    int processVersion,
    String elementId,
    String name,
    String formKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    Instant dueDate,
    Instant followUpDate,
    int priority,
    Map<String, Object> variables,
    String employeeNip,
    Integer periodYear,
    TaskState state,
    Instant createdAt,
    Instant endedAt,
    String endedBy,
    String actingFor) {

  public enum TaskState {
    OPEN,
    COMPLETED,
    CANCELED
  }

  /** Whether the person may see this task: it is theirs or offered to them or their groups. */
  public boolean isVisibleTo(Viewer viewer) {
    return viewer.username().equals(assignee) || isOfferedTo(viewer);
  }

  /** Whether the person may work on it now: it is theirs, or offered to them and unclaimed. */
  public boolean isActionableBy(Viewer viewer) {
    return viewer.username().equals(assignee) || (assignee == null && isOfferedTo(viewer));
  }

  public boolean isOfferedTo(Viewer viewer) {
    return candidateUsers.contains(viewer.username())
        || candidateGroups.stream().anyMatch(viewer.groups()::contains);
  }

  public boolean isOverdue(Instant now) {
    return state == TaskState.OPEN && dueDate != null && dueDate.isBefore(now);
  }

  /** The person looking at tasks: user name and the groups (roles) tasks may be offered to. */
  public record Viewer(String username, List<String> groups) {}
}
