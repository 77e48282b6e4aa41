package id.kinerja.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Single sign-on with any OpenID Connect provider (Spring Security's OAuth2 login, configured with
 * spring.security.oauth2.client.*). The provider vouches for the person; Kinerja finds them by the
 * NIP in the ID token (claim kinerja.oidc.nip-claim, default "nip") and signs them in as their own
 * account, with their roles from Kinerja. Someone whose NIP has no enabled account is refused.
 */
@Component
class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final Users users;
  private final String nipClaim;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  SingleSignOn(Users users, @Value("${kinerja.oidc.nip-claim:nip}") String nipClaim) {
    this.users = users;
    this.nipClaim = nipClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser vouched = provider.loadUser(request);
    String nip = vouched.getClaimAsString(nipClaim);
    Optional<KinerjaUser> user =
        Optional.ofNullable(nip).flatMap(users::findByNip).filter(KinerjaUser::enabled);
    if (user.isEmpty()) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              "kinerja_unknown_nip", "No enabled Kinerja account for NIP " + nip, null));
    }
    return new DefaultOidcUser(
        user.get().getAuthorities(), vouched.getIdToken(), vouched.getUserInfo(), nipClaim);
  }

  /**
   * After the provider's sign-in, the session holds the Kinerja account, as after a form sign-in.
   */
  AuthenticationSuccessHandler signedIn() {
    return (HttpServletRequest request, HttpServletResponse response, Authentication oidc) -> {
      KinerjaUser user =
          users
              .findByNip(((OidcUser) oidc.getPrincipal()).getClaimAsString(nipClaim))
              .orElseThrow();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
      redirect(response, request.getContextPath() + "/");
    };
  }

  private static void redirect(HttpServletResponse response, String location) {
    try {
      response.sendRedirect(location);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
