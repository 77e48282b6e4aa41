package id.kinerja.export;

import id.kinerja.export.ExportRequest.Format;
import id.kinerja.export.ExportRequest.Kind;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.OrgUnit;
import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
@Tag(
    name = "Exports",
    description =
        "Evaluations and SKPs per unit (with the units below it) for tunjangan kinerja and"
            + " promotion files, as CSV or XLSX; large ones in the background")
class ExportController {

  private static final Set<String> PERIODS = Set.of("Q1", "Q2", "Q3", "Q4", "ANNUAL");

  private final Exports exports;
  private final ExportJobs jobs;
  private final MessageSource messages;
  private final Organisation organisation;
  private final AgencyScope scope;

  ExportController(
      Exports exports,
      ExportJobs jobs,
      MessageSource messages,
      Organisation organisation,
      AgencyScope scope) {
    this.organisation = organisation;
    this.scope = scope;
    this.exports = exports;
    this.jobs = jobs;
    this.messages = messages;
  }

  @GetMapping(path = "/api/exports/units", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The unit tree the caller may export: their own agency, or every agency")
  List<OrgUnit> units(Authentication auth) {
    return scope.filter(auth, organisation.tree(), OrgUnit::code);
  }

  @GetMapping("/api/exports/evaluations")
  @Operation(
      summary = "Evaluations of a unit and period: NIP, name, unit, ratings, predikat, tunjangan %",
      description =
          "Every active employee of the unit and the units below it, with the evaluation of the"
              + " period (ANNUAL by default). The tunjangan kinerja percentage comes from the"
              + " agency's decision tunjangan-kinerja-<agency code> for delivered results; there"
              + " is no national default. XLSX adds the SKP list and a summary per predikat."
              + " 403 for a unit outside the caller's agency.")
  ResponseEntity<byte[]> evaluations(
      @RequestParam String unit,
      @RequestParam int year,
      @RequestParam(defaultValue = "ANNUAL") String period,
      @RequestParam(defaultValue = "csv") String format,
      Authentication auth,
      Locale locale) {
    ExportRequest request = request(Kind.EVALUATIONS, unit, year, period, format, locale, auth);
    return file(
        request.fileName(),
        request.format().contentType,
        exports.write(request, Exports.Progress.NONE));
  }

  @GetMapping("/api/exports/skp")
  @Operation(summary = "The SKP list of a unit and year with each SKP's status and approval")
  ResponseEntity<byte[]> skps(
      @RequestParam String unit,
      @RequestParam int year,
      @RequestParam(defaultValue = "csv") String format,
      Authentication auth,
      Locale locale) {
    ExportRequest request = request(Kind.SKP, unit, year, null, format, locale, auth);
    return file(
        request.fileName(),
        request.format().contentType,
        exports.write(request, Exports.Progress.NONE));
  }

  record StartRequest(String kind, String unit, Integer year, String period, String format) {}

  @PostMapping(path = "/api/exports", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Start an export in the background (for large units, 10,000 employees and more)",
      description =
          "Answers 202 with the job; GET /api/exports/{id} reports progress, and the file is at"
              + " /api/exports/{id}/file when it is done.")
  ResponseEntity<ExportJobs.Job> start(
      @RequestBody StartRequest body, Authentication auth, Locale locale) {
    Kind kind;
    try {
      kind = Kind.valueOf(String.valueOf(body.kind()));
    } catch (IllegalArgumentException e) {
      throw new Exports.ExportRefused(HttpStatus.BAD_REQUEST, "export.error.kind", body.kind());
    }
    if (body.unit() == null || body.year() == null) {
      throw new Exports.ExportRefused(HttpStatus.BAD_REQUEST, "export.error.missing");
    }
    ExportRequest request =
        request(
            kind,
            body.unit(),
            body.year(),
            kind == Kind.SKP ? null : body.period() == null ? "ANNUAL" : body.period(),
            body.format() == null ? "xlsx" : body.format(),
            locale,
            auth);
    UUID id = jobs.start(request, auth.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(jobs.get(id, auth.getName()).orElseThrow());
  }

  @GetMapping(path = "/api/exports", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My recent exports with their progress")
  List<ExportJobs.Job> mine(Authentication auth) {
    return jobs.mine(auth.getName());
  }

  @GetMapping(path = "/api/exports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "An export's progress (percent, rows written) and, when done, its link")
  ExportJobs.Job job(@PathVariable UUID id, Authentication auth) {
    return jobs.get(id, auth.getName())
        .orElseThrow(
            () -> new Exports.ExportRefused(HttpStatus.NOT_FOUND, "export.error.unknownJob", id));
  }

  @GetMapping("/api/exports/{id}/file")
  @Operation(summary = "The file of a finished export (for the one who asked for it)")
  ResponseEntity<byte[]> download(@PathVariable UUID id, Authentication auth) {
    ExportJobs.File file =
        jobs.file(id, auth.getName())
            .orElseThrow(
                () ->
                    new Exports.ExportRefused(HttpStatus.NOT_FOUND, "export.error.unknownJob", id));
    return file(file.name(), file.contentType(), file.content());
  }

  record TableRow(String predikat, String label, java.math.BigDecimal persen) {}

  record TableView(String agencyCode, String decisionId, boolean present, List<TableRow> rows) {}

  @GetMapping(path = "/api/exports/tunjangan-table", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The tunjangan kinerja percentages per predikat of the unit's agency, if it has a table",
      description = "There is no national default: present=false means the agency has no table.")
  TableView table(@RequestParam String unit, Authentication auth, Locale locale) {
    exports.requireCovered(unit, auth);
    TunjanganTable.Table table = exports.table(unit);
    List<TableRow> rows =
        table.percent().entrySet().stream()
            .map(
                e ->
                    new TableRow(
                        e.getKey().name(),
                        messages.getMessage("label.predikat." + e.getKey().name(), null, locale),
                        e.getValue()))
            .toList();
    return new TableView(table.agencyCode(), table.decisionId(), table.present(), rows);
  }

  private ExportRequest request(
      Kind kind,
      String unit,
      int year,
      String period,
      String format,
      Locale locale,
      Authentication auth) {
    if (year < 2000 || year > 2100) {
      throw new Exports.ExportRefused(
          HttpStatus.BAD_REQUEST, "export.error.year", String.valueOf(year));
    }
    if (period != null && !PERIODS.contains(period)) {
      throw new Exports.ExportRefused(HttpStatus.BAD_REQUEST, "export.error.period", period);
    }
    Format chosen;
    try {
      chosen = Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Exports.ExportRefused(HttpStatus.BAD_REQUEST, "export.error.format", format);
    }
    exports.requireCovered(unit, auth);
    return new ExportRequest(kind, unit, year, period, chosen, locale);
  }

  private static ResponseEntity<byte[]> file(String name, String contentType, byte[] content) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(content, headers, HttpStatus.OK);
  }
}
