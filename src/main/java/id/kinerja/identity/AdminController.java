package id.kinerja.identity;

import id.kinerja.engine.EngineStatus;
import id.kinerja.organisation.AgencyTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** The admin screen and its list of users and roles. */
@Controller
@Tag(name = "Admin", description = "Users and roles")
class AdminController {

  private final JdbcClient jdbc;
  private final Users users;
  private final Passwords passwords;
  private final id.kinerja.audit.AuditTrail audit;
  private final TransactionTemplate transactions;
  private final EngineStatus engineStatus;
  private final AgencyTime time;

  AdminController(
      JdbcClient jdbc,
      Users users,
      Passwords passwords,
      id.kinerja.audit.AuditTrail audit,
      TransactionTemplate transactions,
      EngineStatus engineStatus,
      AgencyTime time) {
    this.engineStatus = engineStatus;
    this.time = time;
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.transactions = transactions;
  }

  record UserRow(String username, String name, String nip, boolean enabled, String roles) {}

  @GetMapping("/admin")
  String page(Model model, Principal principal) {
    model.addAttribute("engine", engineStatus.view(time.zoneOfUser(principal.getName())));
    return "identity/admin";
  }

  @GetMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Users with their assigned roles (PENILAI is derived and not listed), paged")
  List<UserRow> users(
      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
    return jdbc.sql(
            """
            select u.username, coalesce(e.name, ''), e.nip, u.enabled, coalesce(string_agg(r.role, ', ' order by r.role), '')
              from app_user u left join employee e on e.id = u.employee_id left join app_user_role r on r.user_id = u.id
             where u.username ilike :q or e.name ilike :q
             group by u.id, e.name, e.nip order by u.username limit 50 offset :offset""")
        .param("q", "%" + q + "%")
        .param("offset", Math.max(page, 0) * 50L)
        .query(
            (rs, n) ->
                new UserRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getString(5)))
        .list();
  }

  record PasswordRequest(String password) {}

  /** Gives an account a password, e.g. one imported from CSV; the admin tells its owner. */
  @PutMapping("/api/admin/users/{username}/password")
  @ResponseBody
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Set a user's password (at least 12 characters, not containing the name)")
  void setPassword(
      @PathVariable String username, @RequestBody PasswordRequest request, Principal principal) {
    users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    passwords.set(username, request.password(), principal.getName());
  }

  record RolesRequest(List<Role> roles) {}

  /** Replaces a user's assigned roles (PENILAI is derived from the tree and cannot be assigned). */
  @PutMapping(
      path = "/api/admin/users/{username}/roles",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Set a user's roles (PEGAWAI, PENGELOLA_KINERJA, PROCESS_OWNER, ADMIN)")
  UserRow setRoles(
      @PathVariable String username, @RequestBody RolesRequest request, Principal principal) {
    KinerjaUser user =
        users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<Role> roles =
        request.roles() == null
            ? List.of()
            : request.roles().stream()
                .filter(r -> r != null && r != Role.PENILAI)
                .distinct()
                .toList();
    transactions.executeWithoutResult(
        status -> {
          users.setRoles(user.id(), roles);
          audit.record(
              principal.getName(),
              "ROLES_CHANGED",
              "USER",
              username,
              Map.of("roles", user.roles().toString()),
              Map.of("roles", roles.toString()));
        });
    return users(username, 0).stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow();
  }
}
