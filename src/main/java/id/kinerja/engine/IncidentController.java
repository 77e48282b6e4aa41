package id.kinerja.engine;

import id.kinerja.audit.AuditTrail;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine's open incidents for the admin (a section of /admin): which process stopped where and
 * why, and a retry once the cause is fixed. A retry gives a job its retries back and resolves the
 * incident through {@link Engine}; it is audited.
 */
@RestController
@RequestMapping(path = "/api/admin/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Stopped process steps and their retry")
@PreAuthorize("hasRole('ADMIN')")
class IncidentController {

  private final Engine engine;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  IncidentController(Engine engine, AuditTrail audit, TransactionTemplate transactions) {
    this.engine = engine;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Keys as strings: they exceed what a JavaScript number holds exactly. */
  record IncidentView(
      String key,
      String processInstanceKey,
      String processId,
      String elementId,
      String jobKey,
      String errorType,
      String message,
      Instant createdAt) {

    static IncidentView of(Engine.Incident i) {
      return new IncidentView(
          Long.toString(i.key()),
          Long.toString(i.processInstanceKey()),
          i.processId(),
          i.elementId(),
          i.jobKey() == null ? null : Long.toString(i.jobKey()),
          i.errorType(),
          i.message(),
          i.createdAt());
    }
  }

  @GetMapping
  @Operation(summary = "The engine's open incidents, newest first")
  List<IncidentView> incidents() {
    return engine.incidents().stream()
        .sorted(
            Comparator.comparing(
                    Engine.Incident::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .reversed())
        .map(IncidentView::of)
        .toList();
  }

  @PostMapping("/{key}/retry")
  @Operation(summary = "Retries the step of an open incident (after its cause was fixed)")
  ResponseEntity<Void> retry(@PathVariable long key, Principal principal) {
    try {
      engine.retryIncident(key);
    } catch (NoSuchIncidentException e) {
      throw new Refusal(HttpStatus.NOT_FOUND, "engine.incident.notFound", String.valueOf(key));
    }
    transactions.executeWithoutResult(
        status ->
            audit.record(
                principal.getName(),
                "INCIDENT_RETRIED",
                "INCIDENT",
                key,
                null,
                Map.of("retriedBy", principal.getName())));
    return ResponseEntity.noContent().build();
  }
}
