package id.kinerja.tasklist;

import id.kinerja.engine.Engine.HumanTask;
import id.kinerja.notification.NotificationRequest;
import id.kinerja.notification.NotificationType;
import id.kinerja.notification.Notifications;
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
  private final AgencyTime time;

  TaskAnnouncer(Notifications notifications, AgencyTime time) {
    this.notifications = notifications;
    this.time = time;
  }

  /** Part of the caller's transaction: the announcement exists exactly when the task does. */
  void announce(HumanTask task, String name, Instant due) {
    Set<String> people = new LinkedHashSet<>();
    if (task.assignee() != null && !task.assignee().isBlank()) {
      people.add(task.assignee());
    } else {
      people.addAll(task.candidateUsers());
      task.candidateGroups().forEach(group -> people.addAll(notifications.membersOf(group)));
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
