package id.kinerja.monitoring;

import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring", description = "My check-ins")
class MonitoringController {

  private final CheckIns checkIns;
  private final Organisation organisation;

  MonitoringController(CheckIns checkIns, Organisation organisation) {
    this.checkIns = checkIns;
    this.organisation = organisation;
  }

  @GetMapping(path = "/api/my/checkins", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My monthly check-ins with the rater's feedback and any gap found")
  List<Map<String, Object>> myCheckIns(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(e -> checkIns.ofEmployee(e.nip()))
        .orElse(List.of());
  }
}
