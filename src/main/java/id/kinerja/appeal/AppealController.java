package id.kinerja.appeal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appeals", description = "Keberatan against a delivered result")
class AppealController {

  private final Appeals appeals;
  private final id.kinerja.organisation.Organisation organisation;

  AppealController(Appeals appeals, id.kinerja.organisation.Organisation organisation) {
    this.appeals = appeals;
    this.organisation = organisation;
  }

  record FileRequest(String reasons) {}

  @PostMapping(path = "/api/evaluations/{id}/appeal", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "File an appeal (keberatan) against my delivered result",
      description =
          "Only within 14 days of receiving the result; after that 409 with the deadline in words.")
  Map<String, Long> file(
      @PathVariable long id, @RequestBody FileRequest request, Authentication auth) {
    return Map.of("appealId", appeals.file(id, auth.getName(), request.reasons()));
  }

  @org.springframework.web.bind.annotation.GetMapping(
      path = "/api/my/appeals",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My appeals with the rater's explanation and the final decision")
  java.util.List<Appeals.AppealView> mine(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(e -> appeals.ofEmployee(e.nip()))
        .orElse(java.util.List.of());
  }
}
