package id.kinerja.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The signed-in person")
class MeController {

  private final Users users;
  private final Passwords passwords;

  MeController(Users users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  @PutMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Change my password (the current one is asked for; at least 12 characters)")
  void password(
      @AuthenticationPrincipal KinerjaUser principal, @RequestBody PasswordChange request) {
    passwords.change(principal.username(), request.currentPassword(), request.newPassword());
  }

  record Me(String username, String name, String nip, Set<Role> roles, String locale) {}

  record LocaleRequest(@NotNull @Pattern(regexp = "id|en") String locale) {}

  @GetMapping("/api/me")
  @Operation(summary = "Who I am: name, NIP, roles (PENILAI when I have subordinates), language")
  Me me(@AuthenticationPrincipal KinerjaUser principal) {
    KinerjaUser user = users.find(principal.username()).orElse(principal);
    return new Me(user.username(), user.name(), user.employeeNip(), user.roles(), user.locale());
  }

  @PutMapping("/api/me/locale")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Choose my language: id (Indonesian, default) or en")
  void locale(
      @AuthenticationPrincipal KinerjaUser principal, @Valid @RequestBody LocaleRequest request) {
    users.setLocale(principal.username(), request.locale());
  }
}
