package id.kinerja.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    model.addAttribute(
        "messages", server == null ? java.util.List.of() : server.received().reversed());
    return "notification/mail";
  }
}
