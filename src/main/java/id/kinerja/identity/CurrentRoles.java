package id.kinerja.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session works with the roles its user has now: the user is read again on every
 * request that carries a session, so a role an admin gave or took (or a derived PENILAI role that
 * changed with the tree) applies at the next request, and a disabled account is signed out. Basic
 * requests sign in afresh each time anyway. Runs inside the security chains, before authorization.
 */
class CurrentRoles extends OncePerRequestFilter {

  private final Users users;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  CurrentRoles(Users users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    SecurityContext context = SecurityContextHolder.getContext();
    Authentication held = context.getAuthentication();
    if (session != null && held != null && held.getPrincipal() instanceof KinerjaUser signedIn) {
      Optional<KinerjaUser> now = users.find(signedIn.username()).filter(KinerjaUser::enabled);
      if (now.isEmpty()) {
        SecurityContextHolder.clearContext();
        session.invalidate();
      } else if (!now.get().roles().equals(signedIn.roles())) {
        var fresh =
            UsernamePasswordAuthenticationToken.authenticated(
                now.get(), null, now.get().getAuthorities());
        fresh.setDetails(held.getDetails());
        SecurityContext updated = SecurityContextHolder.createEmptyContext();
        updated.setAuthentication(fresh);
        SecurityContextHolder.setContext(updated);
        sessions.saveContext(updated, request, response);
      }
    }
    chain.doFilter(request, response);
  }
}
