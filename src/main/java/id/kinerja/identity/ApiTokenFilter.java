package id.kinerja.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries "Authorization: Bearer" with an API token, for this request only
 * (nothing goes to a session). An unknown, revoked or expired token is a 401, never a fall-through
 * to another way of signing in.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final AuthenticationEntryPoint unauthenticated;

  ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint unauthenticated) {
    this.tokens = tokens;
    this.unauthenticated = unauthenticated;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> secret = bearer(request);
    if (secret.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<KinerjaUser> user = tokens.authenticate(secret.get());
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      unauthenticated.commence(request, response, new TokenRefused());
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /** An unknown, revoked or expired token, or one of a disabled account. */
  static class TokenRefused extends AuthenticationException {
    TokenRefused() {
      super("unknown, revoked or expired API token");
    }
  }

  static Optional<String> bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String scheme = "Bearer";
    if (header == null
        || !header.regionMatches(true, 0, scheme, 0, scheme.length())
        || (header.length() > scheme.length() && header.charAt(scheme.length()) != ' ')) {
      return Optional.empty();
    }
    return Optional.of(header.substring(scheme.length()).strip());
  }
}
