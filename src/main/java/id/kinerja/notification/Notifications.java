package id.kinerja.notification;

import id.kinerja.notification.Recipients.Recipient;
import id.kinerja.notification.TemplateRenderer.Rendered;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * The entry point for every feature that wants to tell someone something: writes the rendered
 * message into the outbox inside the caller's transaction, so it exists if and only if the domain
 * change commits. Sending happens later ({@link OutboxSender}).
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final Recipients recipients;
  private final TemplateRenderer renderer;
  private final Outbox outbox;
  private final NotificationProperties properties;
  private final String publicUrl;

  Notifications(
      Recipients recipients,
      TemplateRenderer renderer,
      Outbox outbox,
      NotificationProperties properties,
      @Value("${kinerja.public-url:http://localhost:8080}") String publicUrl) {
    this.recipients = recipients;
    this.renderer = renderer;
    this.outbox = outbox;
    this.properties = properties;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** Whether the user name belongs to someone who can be notified (a known user). */
  public boolean canNotify(String username) {
    return username != null && recipients.find(username).isPresent();
  }

  /** The users a notification for a task offered to this group goes to. */
  public List<String> membersOf(String group) {
    return recipients.withRole(group);
  }

  /**
   * Enqueues the notification; a second call with the same event key and recipient does nothing.
   *
   * @throws UnknownRecipientException when no user has the recipient user name
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(NotificationRequest request) {
    Recipient recipient =
        recipients
            .find(request.recipientUsername())
            .orElseThrow(() -> new UnknownRecipientException(request.recipientUsername()));
    if (outbox.exists(request.eventKey(), recipient.username())) {
      return; // the insert would be ignored anyway; skip rendering
    }
    String link = absoluteLink(request.link());
    Map<String, Object> model = new HashMap<>(request.model());
    model.put("recipientName", recipient.name());
    model.put("link", link);
    model.put("type", request.type().name());

    OutboxStatus status =
        properties.digested(request.type()) ? OutboxStatus.DIGESTED : OutboxStatus.PENDING;
    String error = null;
    Rendered rendered;
    try {
      rendered = renderer.render(request.type().templateName(), recipient.locale(), model);
    } catch (TemplateEngineException e) {
      // A template broken on disk must not roll back the caller's domain change: keep the
      // message visible as DEAD with the reason instead.
      log.warn("Template {} failed: {}", request.type().templateName(), e.getMessage());
      rendered = new Rendered(request.type().name(), "", "");
      status = OutboxStatus.DEAD;
      error = "Template error: " + e.getMessage();
    }
    if (recipient.email() == null || recipient.email().isBlank()) {
      status = OutboxStatus.DEAD;
      error = "User '" + recipient.username() + "' has no e-mail address";
    }
    outbox.insert(
        new Outbox.NewRow(
            request.eventKey(),
            recipient.username(),
            recipient.email(),
            recipient.locale(),
            request.type().name(),
            rendered.subject(),
            rendered.text(),
            rendered.html(),
            link,
            status,
            error));
  }

  String absoluteLink(String link) {
    if (link == null || link.isBlank()) {
      return publicUrl + "/";
    }
    if (link.startsWith("http://") || link.startsWith("https://")) {
      return link;
    }
    return publicUrl + (link.startsWith("/") ? link : "/" + link);
  }
}
