package id.kinerja.planning;

import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Periods", description = "Performance years per unit")
class TransferController {

  private final Transfers transfers;
  private final AgencyScope scope;
  private final Organisation organisation;

  TransferController(Transfers transfers, AgencyScope scope, Organisation organisation) {
    this.transfers = transfers;
    this.scope = scope;
    this.organisation = organisation;
  }

  record TransferRequest(
      @Min(2000) @Max(2100) int year,
      @NotBlank @Size(max = 32) String unitCode,
      @NotBlank @Size(max = 200) String position,
      String superiorNip) {}

  @PostMapping(path = "/api/employees/{nip}/transfer", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary =
          "Mutasi: move an employee to a new post mid-year; the old SKP closes and a new one starts")
  Transfers.Transfer transfer(
      @PathVariable String nip, @Valid @RequestBody TransferRequest request, Authentication auth) {
    // a move between agencies is for the BKPSDM: each end must be in the officer's agency
    organisation.byNip(nip).ifPresent(e -> scope.requireEmployee(auth, e));
    scope.require(auth, request.unitCode());
    return transfers.transfer(
        nip,
        request.year(),
        request.unitCode(),
        request.position(),
        request.superiorNip(),
        auth.getName());
  }
}
