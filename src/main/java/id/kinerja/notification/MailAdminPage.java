package id.kinerja.notification;

import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** /admin/mail: the outbox and the messages the embedded server received, readable in a browser. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class MailAdminPage {

  private final Outbox outbox;
  private final ObjectProvider<EmbeddedMailServer> embedded;

  MailAdminPage(Outbox outbox, ObjectProvider<EmbeddedMailServer> embedded) {
    this.outbox = outbox;
    this.embedded = embedded;
  }

  @GetMapping("/admin/mail")
  String page(@RequestParam(required = false) OutboxStatus status, Model model) {
    EmbeddedMailServer server = embedded.getIfAvailable();
    model.addAttribute("status", status);
    model.addAttribute("statuses", OutboxStatus.values());
    model.addAttribute("outbox", outbox.page(status, 0, 100));
    model.addAttribute("embedded", server != null);
    model.addAttribute("messages", server == null ? List.of() : server.received().reversed());
    return "notification/mail";
  }

  /**
   * A received message's HTML for the page's preview frame, under a policy of its own: its inline
   * styles apply, nothing runs, and only this site may frame it.
   */
  @GetMapping(path = "/admin/mail/messages/{index}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable int index) {
    EmbeddedMailServer server = embedded.getIfAvailable();
    List<ReceivedMessage> received = server == null ? List.of() : server.received();
    if (index < 0 || index >= received.size() || received.get(index).html() == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox;"
                + " frame-ancestors 'self'")
        .header("X-Frame-Options", "SAMEORIGIN")
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(received.get(index).html());
  }
}
