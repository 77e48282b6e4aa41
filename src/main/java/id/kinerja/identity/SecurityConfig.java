package id.kinerja.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.platform.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Browser pages sign in with a form (or single sign-on, when an OpenID Connect provider is
 * configured) and are protected by CSRF tokens; the JSON API also accepts HTTP Basic for scripts
 * (those requests carry no session, so need no CSRF token). Refusals on the API are JSON problem
 * details in the caller's language, never a login page. Password sign-in goes through {@link
 * GuardedSignIn} (lockout, slow-down); sessions see role changes at their next request ({@link
 * CurrentRoles}); every answer carries {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

  private static final String[] PUBLIC = {
    "/login",
    "/css/**",
    "/js/**",
    "/vendor/**",
    "/favicon.ico",
    "/error",
    "/public/**",
    "/verify",
    "/verify/**",
    "/actuator/health",
    "/actuator/health/**",
    "/api/docs",
    "/api/docs/**",
    "/api/openapi",
    "/api/openapi/**",
    "/swagger-ui/**",
    "/v3/api-docs/**"
  };

  /** BCrypt with kinerja.security.password-strength log rounds (10; the tests use fewer). */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${kinerja.security.password-strength:10}") int strength) {
    return new BCryptPasswordEncoder(strength);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, Users users, ApiTokens tokens)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/api/docs/**", "/api/docs", "/api/openapi/**", "/api/openapi")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    SecurityConfig::isBasicScript, SecurityConfig::isTokenScript))
        .headers(SecurityHeaders::configure)
        .addFilterBefore(
            new ApiTokenFilter(tokens, problems::unauthenticated), BasicAuthenticationFilter.class)
        .addFilterBefore(new CurrentRoles(users), AuthorizationFilter.class)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(problems::unauthenticated)
                    .accessDeniedHandler(problems::forbidden));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      ProblemWriter problems,
      SignInFailures failures,
      Users users,
      ObjectProvider<ClientRegistrationRepository> singleSignOnClients,
      SingleSignOn singleSignOn)
      throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PUBLIC)
                    .permitAll()
                    .requestMatchers("/admin", "/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/team")
                    .hasRole("PENILAI")
                    .requestMatchers("/periods")
                    .hasRole("PENGELOLA_KINERJA")
                    .requestMatchers("/organisation")
                    .hasAnyRole("ADMIN", "PENGELOLA_KINERJA")
                    .requestMatchers("/processes/**")
                    .hasAnyRole("PROCESS_OWNER", "ADMIN", "PENGELOLA_KINERJA")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(failures)
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
        .headers(SecurityHeaders::configure)
        .addFilterBefore(new CurrentRoles(users), AuthorizationFilter.class);
    if (singleSignOnClients.getIfAvailable()
        != null) { // configured: spring.security.oauth2.client.*
      http.oauth2Login(
          sso ->
              sso.loginPage("/login")
                  .userInfoEndpoint(info -> info.oidcUserService(singleSignOn))
                  .successHandler(singleSignOn.signedIn())
                  .failureUrl("/login?sso-error"));
    }
    return http.build();
  }

  /**
   * A script's request, exempt from CSRF: it authenticates with Basic on this very request, carries
   * no session cookie, and is no cross-site browser request (browsers resend Basic credentials by
   * themselves, and say where a request comes from in Sec-Fetch-Site; scripts send neither).
   */
  static boolean isBasicScript(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String site = request.getHeader("Sec-Fetch-Site");
    return header != null
        && header.regionMatches(true, 0, "Basic ", 0, 6)
        && request.getRequestedSessionId() == null
        && (site == null || site.equals("same-origin") || site.equals("none"));
  }

  /**
   * A request with an API token, exempt from CSRF: a browser never adds a bearer token by itself,
   * and the token, not a session, signs the request in.
   */
  static boolean isTokenScript(HttpServletRequest request) {
    return ApiTokenFilter.bearer(request).isPresent() && request.getRequestedSessionId() == null;
  }

  /** Writes 401 and 403 as problem details in the caller's language. */
  @Component
  static class ProblemWriter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ProblemWriter(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
      this.messages = messages;
      this.locales = locales;
      this.json = json;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, Exception e)
        throws IOException {
      if (DatabaseUnavailable.causes(e)) {
        // the user could not be looked up: no verdict on the password, 503 from
        // DatabaseOutageFilter
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      if (e instanceof SignInGuard.Refused refused) {
        long seconds = Math.max(1, refused.retryAfter().toSeconds());
        response.setHeader("Retry-After", String.valueOf(seconds));
        write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            e instanceof SignInGuard.Locked ? "identity.error.locked" : "identity.error.slowed",
            (seconds + 59) / 60,
            seconds);
        return;
      }
      if (e instanceof ApiTokenFilter.TokenRefused) {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "identity.error.token");
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"Kinerja\"");
      write(request, response, HttpStatus.UNAUTHORIZED, "identity.error.unauthenticated");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e)
        throws IOException {
      var auth = SecurityContextHolder.getContext().getAuthentication();
      if (e instanceof CsrfException && request.getHeader("Authorization") != null) {
        // credentials a browser sent by itself, with its session or from another site
        write(request, response, HttpStatus.FORBIDDEN, "identity.error.csrf");
        return;
      }
      if (auth == null || auth instanceof AnonymousAuthenticationToken) {
        // e.g. a write without credentials, stopped by the CSRF check: who is asking is unknown
        unauthenticated(request, response, e);
        return;
      }
      write(request, response, HttpStatus.FORBIDDEN, "identity.error.forbidden");
    }

    private void write(
        HttpServletRequest request,
        HttpServletResponse response,
        HttpStatus status,
        String code,
        Object... args)
        throws IOException {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status, messages.getMessage(code, args, locales.resolveLocale(request)));
      problem.setProperty("code", code);
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
