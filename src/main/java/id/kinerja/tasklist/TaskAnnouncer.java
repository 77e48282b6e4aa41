package id.kinerja.tasklist;

import id.kinerja.engine.Engine.HumanTask;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.AgencyTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells the people a new task is for: its assignee, or everyone it is offered to. Every human step
 * of every process is announced this way, so process models need no notification step for it.
 */
@Component
class TaskAnnouncer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  private final Notifications notifications;
  private final AgencyScope scope;
  private final AgencyTime time;

  TaskAnnouncer(Notifications notifications, AgencyScope scope, AgencyTime time) {
    this.notifications = notifications;
    this.scope = scope;
    this.time = time;
  }

  /** Part of the caller's transaction: the announcement exists exactly when the task does. */
  void announce(HumanTask task, String name, Instant due, String agencyCode) {
    Set<String> people = new LinkedHashSet<>();
    if (task.assignee() != null && !task.assignee().isBlank()) {
      people.add(task.assignee());
    } else {
      people.addAll(task.candidateUsers());
      // an agency's group task is announced only to the officers who look after that agency
      task.candidateGroups().stream()
          .flatMap(group -> notifications.membersOf(group).stream())
          .filter(person -> agencyCode == null || scope.coversAgency(person, agencyCode))
          .forEach(people::add);
    }
    for (String person : people) {
      if (notifications.canNotify(person)) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskName", name);
        model.put("processId", task.processId());
        if (due != null) {
          // in the recipient's agency's time zone
          model.put("dueDate", DATE.format(due.atZone(time.zoneOfUser(person))));
        }
        notifications.enqueue(
            new NotificationRequest(
                "task:" + task.key(),
                NotificationType.TASK_ASSIGNED,
                person,
                model,
                "/tasks/" + task.key()));
      }
    }
  }
}
