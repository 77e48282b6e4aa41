package id.kinerja.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping(path = "/api/organisation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisation", description = "Units, employees, raters; import from CSV or XLSX")
class OrganisationController {

  private final Organisation organisation;
  private final OrganisationImport importer;
  private final MessageSource messages;

  OrganisationController(
      Organisation organisation, OrganisationImport importer, MessageSource messages) {
    this.organisation = organisation;
    this.importer = importer;
    this.messages = messages;
  }

  record EmployeeView(
      String nip,
      String name,
      String position,
      String grade,
      String employeeType,
      String unitCode,
      String unitName,
      String email) {
    static EmployeeView of(Employee e, boolean withEmail) {
      return new EmployeeView(
          e.nip(),
          e.name(),
          e.position(),
          e.grade(),
          e.employeeType(),
          e.unitCode(),
          e.unitName(),
          withEmail ? e.email() : null);
    }
  }

  record EmployeeDetail(EmployeeView employee, EmployeeView rater, EmployeeView appealDecider) {}

  record ImportError(String file, int row, String field, String code, String message) {}

  record ImportCounts(int rows, int created, int updated, int unchanged) {}

  record ImportReport(
      boolean dryRun,
      boolean imported,
      ImportCounts units,
      ImportCounts employees,
      List<ImportError> errors) {}

  /** The earlier employees-only answer: rows and counts of the one file. */
  record EmployeeImportReport(
      boolean imported, int rows, int created, int updated, List<ImportError> errors) {}

  @GetMapping("/units")
  @Operation(summary = "The unit tree")
  List<OrgUnit> units() {
    return organisation.tree();
  }

  @GetMapping("/employees")
  @Operation(summary = "Employees, paged; e-mail addresses only for admins")
  List<EmployeeView> employees(
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication auth) {
    boolean admin = isAdmin(auth);
    return organisation
        .search(
            unit, q == null || q.isBlank() ? null : q, Math.max(page, 0), Math.clamp(size, 1, 200))
        .stream()
        .map(e -> EmployeeView.of(e, admin))
        .toList();
  }

  @GetMapping("/employees/{nip}")
  @Operation(summary = "An employee with the rater and the appeal decider derived from the tree")
  EmployeeDetail employee(@PathVariable String nip, Authentication auth) {
    boolean admin = isAdmin(auth);
    Employee employee =
        organisation
            .byNip(nip)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return new EmployeeDetail(
        EmployeeView.of(employee, admin),
        organisation.rater(employee).map(r -> EmployeeView.of(r, admin)).orElse(null),
        organisation.appealDecider(employee).map(r -> EmployeeView.of(r, admin)).orElse(null));
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Import the organisation: units and employees, CSV or XLSX (all or nothing)",
      description =
          "Parts `units` (code,name,parent_code,head_nip) and `employees` (nip,name,position,grade,"
              + "employee_type,unit_code,superior_nip,email,position_type), either may be left out;"
              + " `dryRun=true` checks and counts without saving. 200 with counts created/updated/"
              + "unchanged; 422 with every error by file, row and field, and nothing saved.")
  ResponseEntity<ImportReport> importOrganisation(
      @RequestPart(name = "units", required = false) MultipartFile units,
      @RequestPart(name = "employees", required = false) MultipartFile employees,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Locale locale,
      Principal principal)
      throws IOException {
    OrganisationImport.Report report =
        importer.run(upload(units), upload(employees), dryRun, principal.getName());
    var body =
        new ImportReport(
            report.dryRun(),
            report.imported(),
            counts(report.unitRows(), report.units()),
            counts(report.employeeRows(), report.employees()),
            errors(report, locale));
    return ResponseEntity.status(
            report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(body);
  }

  @PostMapping(path = "/employees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Import employees only (CSV or XLSX; all or nothing)",
      description = "The employees part of POST /api/organisation/import, as the part `file`.")
  ResponseEntity<EmployeeImportReport> importEmployees(
      @RequestPart("file") MultipartFile file, Locale locale, Principal principal)
      throws IOException {
    OrganisationImport.Report report = importer.run(null, upload(file), false, principal.getName());
    var body =
        new EmployeeImportReport(
            report.imported(),
            report.employeeRows(),
            report.employees().created(),
            report.employees().updated(),
            errors(report, locale));
    return ResponseEntity.status(
            report.imported() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(body);
  }

  /**
   * A part the form left without a file is no upload; a chosen file that is empty is one, and is
   * refused as empty.
   */
  private static OrganisationImport.Upload upload(MultipartFile file) throws IOException {
    boolean noneChosen =
        file == null
            || (file.isEmpty()
                && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
    return noneChosen
        ? null
        : new OrganisationImport.Upload(file.getOriginalFilename(), file.getBytes());
  }

  private static ImportCounts counts(int rows, OrganisationImport.Counts counts) {
    return new ImportCounts(rows, counts.created(), counts.updated(), counts.unchanged());
  }

  private List<ImportError> errors(OrganisationImport.Report report, Locale locale) {
    return report.errors().stream()
        .map(
            e ->
                new ImportError(
                    e.file(),
                    e.row(),
                    e.field(),
                    e.code(),
                    messages.getMessage(
                        "organisation." + e.code(),
                        new Object[] {e.value(), e.field(), e.row()},
                        e.code(),
                        locale)))
        .toList();
  }

  private static boolean isAdmin(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
  }
}
