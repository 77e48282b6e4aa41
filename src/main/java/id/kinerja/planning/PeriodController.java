package id.kinerja.planning;

import id.kinerja.organisation.AgencyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Periods", description = "Performance years per unit")
class PeriodController {

  private final Periods periods;
  private final AgencyScope scope;

  PeriodController(Periods periods, AgencyScope scope) {
    this.periods = periods;
    this.scope = scope;
  }

  record OpenRequest(@NotBlank String unitCode, @Min(2000) @Max(2100) int year) {}

  @PostMapping(path = "/api/periods", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(
      summary = "Open a performance year for a unit and the units below it",
      description =
          "Starts a performance-year process (SKP planning first) for every active employee; opening again starts only the missing ones.")
  Periods.Opening open(@Valid @RequestBody OpenRequest request, Authentication auth) {
    scope.require(auth, request.unitCode());
    return periods.open(request.unitCode(), request.year(), auth.getName());
  }

  @GetMapping(path = "/api/periods", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(summary = "The performance years opened for a year, per unit")
  List<Periods.Period> list(@RequestParam int year, Authentication auth) {
    return scope.filter(auth, periods.ofYear(year), Periods.Period::unitCode);
  }

  @PostMapping(path = "/api/periods/{id}/close", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Close a performance year of a unit")
  void close(@PathVariable long id, Authentication auth) {
    periods.unitOf(id).ifPresent(unit -> scope.require(auth, unit));
    periods.close(id, auth.getName());
  }
}
