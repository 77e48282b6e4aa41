package id.kinerja.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
@Tag(name = "Organisation", description = "Units, employees, raters; CSV import")
class OrganisationController {

  private final Organisation organisation;
  private final EmployeeImport importer;
  private final MessageSource messages;

  OrganisationController(
      Organisation organisation, EmployeeImport importer, MessageSource messages) {
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

  record ImportError(int row, String field, String message) {}

  record ImportReport(
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

  @PostMapping(path = "/employees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Import employees from CSV (all or nothing)",
      description =
          "Columns nip,name,position,grade,employee_type,unit_code,superior_nip,email. 200 with the report when imported; 422 with every row's errors and nothing imported otherwise.")
  ResponseEntity<ImportReport> importEmployees(
      @RequestPart("file") MultipartFile file, Locale locale) throws IOException {
    EmployeeImport.Report report =
        importer.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
    var errors =
        report.errors().stream()
            .map(
                e ->
                    new ImportError(
                        e.row(),
                        e.field(),
                        messages.getMessage(
                            "organisation." + e.code(),
                            new Object[] {e.value(), e.field()},
                            e.code(),
                            locale)))
            .toList();
    var body =
        new ImportReport(
            report.imported(), report.rows(), report.created(), report.updated(), errors);
    return ResponseEntity.status(
            report.imported() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(body);
  }

  private static boolean isAdmin(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
  }
}
