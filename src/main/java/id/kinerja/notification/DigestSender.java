package id.kinerja.notification;

import id.kinerja.notification.TemplateRenderer.Rendered;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: per user, the waiting digestible messages (status DIGESTED) become one DIGEST
 * outbox row, which the normal sender delivers with its retries and dead-letter handling. Each
 * user's digest is built in one transaction that also links the messages to it, so a message is in
 * exactly one digest even when two instances run this at the same time.
 */
@Component
public class DigestSender {

  static final String TEMPLATE = "digest";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  private final Outbox outbox;
  private final Recipients recipients;
  private final TemplateRenderer renderer;
  private final TransactionTemplate transaction;
  private final String publicUrl;
  private final ZoneId zone;

  DigestSender(
      Outbox outbox,
      Recipients recipients,
      TemplateRenderer renderer,
      PlatformTransactionManager transactionManager,
      @Value("${kinerja.public-url:http://localhost:8080}") String publicUrl,
      @Value("${kinerja.notification.digest-zone:Asia/Makassar}") ZoneId zone) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.renderer = renderer;
    this.transaction = new TransactionTemplate(transactionManager);
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.zone = zone;
  }

  /** Builds one digest per user with waiting messages; returns how many digests were queued. */
  public int sendDigests() {
    int digests = 0;
    for (String username : outbox.usersWithUndigested()) {
      Boolean queued = transaction.execute(status -> digest(username));
      if (Boolean.TRUE.equals(queued)) {
        digests++;
      }
    }
    return digests;
  }

  private boolean digest(String username) {
    List<OutboxRow> items = outbox.lockUndigested(username);
    if (items.isEmpty()) {
      return false; // another instance took them
    }
    var recipient = recipients.find(username).orElse(null);
    String locale = recipient == null ? items.getFirst().locale() : recipient.locale();
    String email = recipient == null ? items.getFirst().recipientEmail() : recipient.email();
    String name = recipient == null ? username : recipient.name();

    List<Map<String, Object>> entries = new ArrayList<>();
    for (OutboxRow item : items) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("subject", item.subject());
      entry.put("text", item.bodyText());
      entry.put("link", item.link());
      entry.put("type", item.type());
      entry.put("createdAt", TIME.format(item.createdAt().atZone(zone)));
      entries.add(entry);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("recipientName", name);
    model.put("link", publicUrl + "/");
    model.put("items", entries);
    model.put("count", entries.size());
    Rendered rendered = renderer.render(TEMPLATE, locale, model);

    boolean noAddress = email == null || email.isBlank();
    long digestId =
        outbox
            .insert(
                new Outbox.NewRow(
                    "digest:" + username + ":" + items.getFirst().id(),
                    username,
                    email,
                    locale,
                    Outbox.DIGEST_TYPE,
                    rendered.subject(),
                    rendered.text(),
                    rendered.html(),
                    publicUrl + "/",
                    noAddress ? OutboxStatus.DEAD : OutboxStatus.PENDING,
                    noAddress ? "User '" + username + "' has no e-mail address" : null))
            .orElseThrow(() -> new IllegalStateException("Digest already queued for " + username));
    outbox.attachToDigest(items.stream().map(OutboxRow::id).toList(), digestId);
    return true;
  }
}
