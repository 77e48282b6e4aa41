package id.kinerja.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of every answer: a Content-Security-Policy that runs only the application's own
 * script files (the pages' modules; no inline script, no eval), no framing by other sites, no
 * content sniffing, no referrer beyond this site, and HSTS when served over HTTPS (behind a proxy:
 * with {@code server.forward-headers-strategy}). Responses may narrow the policy further (diagrams,
 * mail previews).
 */
final class SecurityHeaders {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-src 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void configure(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
        // DENY unless the answer allows its own site (the mail preview): Spring's writer overwrites
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
        .addHeaderWriter(
            (request, response) -> {
              if (!response.containsHeader("X-Frame-Options")) {
                response.setHeader("X-Frame-Options", "DENY");
              }
            })
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
  }
}
