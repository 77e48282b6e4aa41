package id.kinerja.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring", description = "My check-ins")
class HolidayController {

  private final Holidays holidays;

  HolidayController(Holidays holidays) {
    this.holidays = holidays;
  }

  @GetMapping(path = "/api/holidays/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The holidays of a year, which check-in due dates skip")
  List<Holidays.Holiday> ofYear(@PathVariable int year) {
    return holidays.ofYear(year);
  }

  @PutMapping(
      path = "/api/holidays/{year}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(
      summary = "Replace the holidays of a year",
      description =
          "Each entry {date: YYYY-MM-DD of that year, name}; 400 in the caller's language for the"
              + " first broken entry, and nothing changes.")
  List<Holidays.Holiday> replace(
      @PathVariable int year, @RequestBody List<Holidays.Entry> entries, Principal principal) {
    return holidays.replace(year, entries, principal.getName());
  }
}
