package id.kinerja.appeal;

import id.kinerja.organisation.Organisation;
import id.kinerja.platform.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appeals", description = "Keberatan against a delivered result")
class AppealController {

  private final Appeals appeals;
  private final Organisation organisation;
  private final JsonBody body;

  AppealController(Appeals appeals, Organisation organisation, JsonBody body) {
    this.appeals = appeals;
    this.organisation = organisation;
    this.body = body;
  }

  record FileRequest(String reasons) {}

  @PostMapping(path = "/api/evaluations/{id}/appeal", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "File an appeal (keberatan) against my delivered result",
      description =
          "Only within 14 days of receiving the result; after that 409 with the deadline in words.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = FileRequest.class))))
  Map<String, Long> file(@PathVariable long id, HttpServletRequest request, Authentication auth) {
    appeals.appealable(id, auth.getName()); // whose result it is, before the body is read
    FileRequest filed = body.read(request, FileRequest.class);
    return Map.of("appealId", appeals.file(id, auth.getName(), filed.reasons()));
  }

  @GetMapping(path = "/api/my/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My appeals with the rater's explanation and the final decision")
  List<Appeals.AppealView> mine(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(e -> appeals.ofEmployee(e.nip()))
        .orElse(List.of());
  }
}
