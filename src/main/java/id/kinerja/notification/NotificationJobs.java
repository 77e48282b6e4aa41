package id.kinerja.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the variables of a {@code kinerja-notify} job into outbox rows. The event key is the
 * process instance and element instance, so a job delivered twice (worker crashed before
 * completing, job timed out) enqueues nothing new.
 */
@Service
public class NotificationJobs {

  public static final String JOB_TYPE = "kinerja-notify";
  static final String TYPE = "notificationType";
  static final String RECIPIENT = "recipientUsername";
  static final String RECIPIENTS = "recipientUsernames";
  static final String GROUP = "recipientGroup";
  static final String LINK = "link";

  private final Notifications notifications;

  NotificationJobs(Notifications notifications) {
    this.notifications = notifications;
  }

  /**
   * Enqueues one message per recipient in one transaction: all or none.
   *
   * @throws InvalidNotificationException naming the variable and the allowed values
   */
  @Transactional
  public List<NotificationRequest> enqueue(
      long processInstanceKey, long elementInstanceKey, Map<String, Object> variables) {
    var all = new LinkedHashMap<String, Object>(variables);
    if (variables.get(GROUP) != null) {
      // everyone holding the role, e.g. PENGELOLA_KINERJA, besides any named recipients
      var names = new ArrayList<Object>();
      if (variables.get(RECIPIENTS) instanceof Collection<?> named) {
        names.addAll(named);
      }
      names.addAll(notifications.membersOf(variables.get(GROUP).toString().strip()));
      all.put(RECIPIENTS, names);
    }
    List<NotificationRequest> requests =
        requests(processInstanceKey + ":" + elementInstanceKey, all);
    for (NotificationRequest request : requests) {
      try {
        notifications.enqueue(request);
      } catch (UnknownRecipientException e) {
        throw new InvalidNotificationException(
            "Variable '"
                + (variables.containsKey(RECIPIENTS) ? RECIPIENTS : RECIPIENT)
                + "': no user has the user name '"
                + e.username()
                + "'. Use the user name a person signs in with.");
      }
    }
    return requests;
  }

  static List<NotificationRequest> requests(String eventKey, Map<String, Object> variables) {
    NotificationType type = type(variables.get(TYPE));
    Set<String> recipients = recipients(variables);
    Object link = variables.get(LINK);
    if (link != null && !(link instanceof String)) {
      throw new InvalidNotificationException(
          "Variable '" + LINK + "' must be a text such as '/tasks/42', not " + link);
    }
    Map<String, Object> model = new LinkedHashMap<>(variables);
    model.keySet().removeAll(List.of(TYPE, RECIPIENT, RECIPIENTS, GROUP, LINK));
    List<NotificationRequest> requests = new ArrayList<>();
    for (String recipient : recipients) {
      requests.add(new NotificationRequest(eventKey, type, recipient, model, (String) link));
    }
    return requests;
  }

  private static NotificationType type(Object value) {
    String allowed =
        Arrays.stream(NotificationType.values()).map(Enum::name).collect(Collectors.joining(", "));
    if (!(value instanceof String name) || name.isBlank()) {
      throw new InvalidNotificationException(
          "Variable '" + TYPE + "' is missing; allowed values: " + allowed);
    }
    try {
      return NotificationType.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidNotificationException(
          "Variable '"
              + TYPE
              + "' has the unknown value '"
              + name
              + "'; allowed values: "
              + allowed);
    }
  }

  private static Set<String> recipients(Map<String, Object> variables) {
    Set<String> recipients = new LinkedHashSet<>();
    Object single = variables.get(RECIPIENT);
    Object many = variables.get(RECIPIENTS);
    if (single != null) {
      if (!(single instanceof String name) || name.isBlank()) {
        throw new InvalidNotificationException(
            "Variable '" + RECIPIENT + "' must be a user name (text), not " + single);
      }
      recipients.add(name.strip());
    }
    if (many != null) {
      if (!(many instanceof Collection<?> names)) {
        throw new InvalidNotificationException(
            "Variable '" + RECIPIENTS + "' must be a list of user names, not " + many);
      }
      for (Object name : names) {
        if (!(name instanceof String text) || text.isBlank()) {
          throw new InvalidNotificationException(
              "Variable '" + RECIPIENTS + "' must contain only user names, found " + name);
        }
        recipients.add(text.strip());
      }
    }
    if (recipients.isEmpty() && variables.get(GROUP) != null) {
      return recipients; // nobody holds the role yet: there is nobody to tell
    }
    if (recipients.isEmpty()) {
      throw new InvalidNotificationException(
          "Variable '"
              + RECIPIENT
              + "' (one user name) or '"
              + RECIPIENTS
              + "' (a list of user names) is required");
    }
    return recipients;
  }
}
