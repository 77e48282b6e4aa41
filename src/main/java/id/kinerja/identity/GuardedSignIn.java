package id.kinerja.identity;

import id.kinerja.platform.Clients;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (the form and HTTP Basic) behind the {@link SignInGuard}: a locked user name or
 * a client that must wait is refused before its password is checked; wrong passwords count.
 */
@Component
class GuardedSignIn implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInGuard guard;

  GuardedSignIn(Users users, PasswordEncoder encoder, SignInGuard guard) {
    this.passwords = new DaoAuthenticationProvider(encoder);
    this.passwords.setUserDetailsService(users);
    this.guard = guard;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = counted(String.valueOf(attempt.getName()));
    String client =
        Clients.hash(
            attempt.getDetails() instanceof WebAuthenticationDetails web
                ? String.valueOf(web.getRemoteAddress())
                : "unknown");
    guard.check(username, client);
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      guard.succeeded(username);
      return signedIn;
    } catch (BadCredentialsException wrong) {
      guard.failed(username, client);
      throw wrong;
    }
  }

  /** The name as it is counted: whatever was typed, within the column and without NULs. */
  private static String counted(String name) {
    String clean = name.replace("\u0000", "");
    return clean.length() > 64 ? clean.substring(0, 64) : clean;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
