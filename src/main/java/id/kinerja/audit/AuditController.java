package id.kinerja.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.audit.AuditTrail.Filter;
import id.kinerja.audit.AuditTrail.Verification;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit trail for admins and the Pengelola Kinerja: read it, and verify that it is intact. */
@Controller
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
@PreAuthorize("hasAnyRole('ADMIN', 'PENGELOLA_KINERJA')")
class AuditController {

  /** Dates without a time are days in the agencies' zone (WITA). */
  private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

  private final AuditTrail trail;
  private final ObjectMapper json;
  private final MessageSource messages;

  AuditController(AuditTrail trail, ObjectMapper json, MessageSource messages) {
    this.trail = trail;
    this.json = json;
    this.messages = messages;
  }

  /** An entry with its action and subject type in the caller's words, beside their codes. */
  record EntryView(
      long id,
      Instant at,
      String actor,
      String action,
      String actionLabel,
      String subjectType,
      String subjectLabel,
      String subjectId,
      JsonNode before,
      JsonNode after,
      String hash) {}

  record PageView(List<EntryView> items, long total, int page, int size) {}

  @GetMapping("/audit")
  String page() {
    return "audit/audit";
  }

  @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      summary = "Audit entries, newest first, paged",
      description =
          "subject: a subject type (EVALUATION) or type and id (EVALUATION:42); actor: a user name;"
              + " from, to: ISO dates (days in WITA, both included) or instants.")
  PageView search(
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Locale locale) {
    String type = blankToNull(subject);
    String id = null;
    if (type != null && type.contains(":")) {
      id = type.substring(type.indexOf(':') + 1);
      type = type.substring(0, type.indexOf(':'));
    }
    var filter =
        new Filter(
            type,
            blankToNull(id),
            blankToNull(actor),
            instant("from", from, false),
            instant("to", to, true));
    AuditTrail.Page result =
        trail.search(filter, Math.clamp(page, 0, 100_000), Math.clamp(size, 1, 200));
    return new PageView(
        result.items().stream()
            .map(
                e ->
                    new EntryView(
                        e.id(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        label("audit.action.", e.action(), locale),
                        e.subjectType(),
                        label("audit.subject.", e.subjectType(), locale),
                        e.subjectId(),
                        read(e.before()),
                        read(e.after()),
                        e.hash()))
            .toList(),
        result.total(),
        result.page(),
        result.size());
  }

  @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      summary = "Whether the audit chain is intact",
      description =
          "{\"intact\": true, \"entries\": N}, or intact false with firstBroken: the first entry"
              + " whose content no longer matches its hash (ALTERED) or that does not follow the one"
              + " before it (LINK).")
  Verification verify() {
    return trail.verify();
  }

  /** An ISO date (a whole day in WITA; {@code to} includes it) or an instant. */
  private static Instant instant(String name, String value, boolean endOfDay) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new Refusal(HttpStatus.BAD_REQUEST, "error.parameterType", name, value);
    }
  }

  private String label(String prefix, String code, Locale locale) {
    return messages.getMessage(prefix + code, null, code, locale);
  }

  private JsonNode read(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
