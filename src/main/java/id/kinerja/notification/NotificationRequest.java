package id.kinerja.notification;

import java.util.Map;

/**
 * One notification a process step asks for.
 *
 * @param eventKey identifies the domain event; the same key and recipient are enqueued once only
 * @param model template variables (task name, due date, notes, ...)
 * @param link path of the task or record in the application, e.g. {@code /tasks/42}, or an absolute
 *     URL
 */
public record NotificationRequest(
    String eventKey,
    NotificationType type,
    String recipientUsername,
    Map<String, Object> model,
    String link) {

  public NotificationRequest {
    if (eventKey == null || eventKey.isBlank()) {
      throw new IllegalArgumentException("eventKey is required");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (recipientUsername == null || recipientUsername.isBlank()) {
      throw new IllegalArgumentException("recipientUsername is required");
    }
    model = model == null ? Map.of() : model;
  }
}
