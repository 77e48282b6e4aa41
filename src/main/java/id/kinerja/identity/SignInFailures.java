package id.kinerja.identity;

import id.kinerja.platform.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Where the sign-in form goes after a refusal: a locked user name and a client that must wait are
 * told so (with when to try again), a database away is a 503, anything else is the usual "wrong
 * user name or password".
 */
@Component
class SignInFailures implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (DatabaseUnavailable.causes(e)) {
      throw e; // no verdict on the password: DatabaseOutageFilter answers 503
    }
    String target = "/login?error";
    if (e instanceof SignInGuard.Refused refused) {
      long minutes = Math.max(1, (refused.retryAfter().toSeconds() + 59) / 60);
      target =
          (e instanceof SignInGuard.Locked ? "/login?locked=" : "/login?slow=")
              + (e instanceof SignInGuard.Locked ? minutes : refused.retryAfter().toSeconds());
    }
    response.sendRedirect(request.getContextPath() + target);
  }
}
