package id.kinerja.notification;

import id.kinerja.notification.EmbeddedMailServer.ReceivedMessage;
import id.kinerja.notification.NotificationTemplates.TemplateFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox, the mail the embedded server received, and the notification templates. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Outbox, received mail and templates")
@PreAuthorize("hasRole('ADMIN')")
class NotificationAdminController {

  record OutboxPage(int page, int size, long total, List<OutboxRow> items) {}

  private final Outbox outbox;
  private final ObjectProvider<EmbeddedMailServer> embedded;
  private final NotificationTemplates templates;
  private final MessageSource messages;

  NotificationAdminController(
      Outbox outbox,
      ObjectProvider<EmbeddedMailServer> embedded,
      NotificationTemplates templates,
      MessageSource messages) {
    this.outbox = outbox;
    this.embedded = embedded;
    this.templates = templates;
    this.messages = messages;
  }

  @GetMapping("/mail/outbox")
  @Operation(summary = "Outbox rows, newest first, optionally of one status")
  OutboxPage outbox(
      @RequestParam(required = false) OutboxStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    int p = Math.max(page, 0);
    int s = Math.clamp(size, 1, 200);
    return new OutboxPage(p, s, outbox.count(status), outbox.page(status, p, s));
  }

  @GetMapping("/mail/messages")
  @Operation(summary = "Messages the embedded SMTP server received (empty when it is off)")
  List<ReceivedMessage> messages() {
    EmbeddedMailServer server = embedded.getIfAvailable();
    return server == null ? List.of() : server.received().reversed();
  }

  @GetMapping("/notification-templates")
  @PreAuthorize("hasAnyRole('ADMIN', 'PROCESS_OWNER')")
  @Operation(summary = "The notification templates in the templates folder")
  List<TemplateFile> templates() {
    return templates.list();
  }

  @PutMapping(path = "/notification-templates/{name}", consumes = MediaType.ALL_VALUE)
  @PreAuthorize("hasAnyRole('ADMIN', 'PROCESS_OWNER')")
  @Operation(
      summary = "Replace one template after checking it",
      description = "204 when stored; 422 with the reason when it does not parse or render.")
  ResponseEntity<Void> upload(@PathVariable String name, @RequestBody String content) {
    templates.upload(name, content);
    return ResponseEntity.noContent().build();
  }

  // handlers are methods of this class too: without this the class-level ADMIN rule would refuse
  // to explain a process owner's refused upload
  @PreAuthorize("permitAll()")
  @ExceptionHandler(InvalidTemplateException.class)
  ProblemDetail invalidTemplate(InvalidTemplateException e, Locale locale) {
    var problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
    problem.setTitle(messages.getMessage("notification.template.invalid", null, locale));
    problem.setDetail(e.getMessage());
    return problem;
  }
}
