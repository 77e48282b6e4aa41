package id.kinerja.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: each user their own on the account page; an admin any user's (integrations). */
@RestController
@Tag(name = "API tokens", description = "Bearer tokens for scripts and integrations")
class ApiTokenController {

  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** A name to tell it apart, and optionally the days it is valid (1-730; none: until revoked). */
  record TokenRequest(String name, Integer days) {}

  @GetMapping("/api/me/tokens")
  @Operation(summary = "My API tokens (never the tokens themselves)")
  List<ApiTokens.Token> mine(@AuthenticationPrincipal KinerjaUser me) {
    return tokens.of(me.username());
  }

  @PostMapping("/api/me/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an API token for me",
      description =
          "The answer holds the token once (secret); send it as 'Authorization: Bearer <token>'."
              + " Only its SHA-256 is stored.")
  ApiTokens.Created create(
      @AuthenticationPrincipal KinerjaUser me, @RequestBody TokenRequest body) {
    return tokens.create(me.username(), body.name(), body.days(), me.username());
  }

  @DeleteMapping("/api/me/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke one of my API tokens; requests with it get 401 from now on")
  void revoke(@AuthenticationPrincipal KinerjaUser me, @PathVariable long id) {
    tokens.revoke(id, me.username(), me.username());
  }

  @GetMapping("/api/admin/users/{username}/tokens")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "A user's API tokens (admin)")
  List<ApiTokens.Token> ofUser(@PathVariable String username) {
    return tokens.of(username);
  }

  @PostMapping("/api/admin/users/{username}/tokens")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an API token for a user, e.g. an integration's account (admin)")
  ApiTokens.Created createFor(
      @AuthenticationPrincipal KinerjaUser admin,
      @PathVariable String username,
      @RequestBody TokenRequest body) {
    return tokens.create(username, body.name(), body.days(), admin.username());
  }

  @DeleteMapping("/api/admin/tokens/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke any user's API token (admin)")
  void revokeAny(@AuthenticationPrincipal KinerjaUser admin, @PathVariable long id) {
    tokens.revoke(id, null, admin.username());
  }
}
