package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;

/** Signing in, roles, refusals and the language of messages. */
class SecurityTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired FilterChainProxy securityFilters;
  @LocalServerPort int port;

  @Test
  void theApiRefusesStrangersWithAJsonReasonNotALoginPage() {
    ResponseEntity<JsonNode> response = http.getForEntity("/api/me", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType().toString()).contains("json");
    assertThat(response.getBody().path("detail").asText())
        .isEqualTo("Silakan masuk terlebih dahulu (nama pengguna dan kata sandi).");
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(
            http.withBasicAuth("pegawai1", "salah")
                .getForEntity("/api/me", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void raterRoleIsDerivedFromHavingSubordinates() {
    JsonNode pegawai1 =
        http.withBasicAuth("pegawai1", "demo").getForObject("/api/me", JsonNode.class);
    JsonNode atasan1 =
        http.withBasicAuth("atasan1", "demo").getForObject("/api/me", JsonNode.class);

    assertThat(pegawai1.path("roles").toString()).contains("PEGAWAI").doesNotContain("PENILAI");
    assertThat(atasan1.path("roles").toString()).contains("PEGAWAI", "PENILAI");
    assertThat(pegawai1.path("nip").asText()).hasSize(18);
  }

  @Test
  void aForbiddenActionSaysSoInTheCallersLanguage() {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("pegawai1", "demo")
            .exchange(
                "/api/deployments", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().path("detail").asText())
        .isEqualTo("You are not allowed to do this.");
  }

  @Test
  void theSignInFormWorksAndThePagesNeedASession() throws Exception {
    // a page without a session leads to the sign-in form
    assertThat(http.getForObject("/", String.class)).contains("<form", "name=\"password\"");
    String loginPage = http.getForObject("/login", String.class);
    assertThat(loginPage).contains("Nama pengguna", "Kata sandi");
    assertThat(http.getForObject("/login?lang=en", String.class)).contains("User name");

    assertThat(signIn("pegawai1", "salah").headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/login?error");
    assertThat(signIn("pegawai1", "demo").headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith(":" + port + "/");
  }

  @Test
  void theHealthOfEngineAndDatabaseIsPublic() {
    JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("engine").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theApiIsDocumentedWithOpenApi() {
    JsonNode api = http.getForObject("/api/openapi", JsonNode.class);

    assertThat(api.path("paths").has("/api/process-definitions")).isTrue();
    assertThat(api.path("paths").has("/api/tasks/{id}/complete")).isTrue();
  }

  @Test
  void anAdminGivesARoleAndTheUserHasItAtTheNextRequest() {
    String user = "199703312022031017"; // a demo employee no other test relies on
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    http.withBasicAuth("admin", "demo")
        .exchange(
            "/api/admin/users/" + user + "/roles",
            HttpMethod.PUT,
            new HttpEntity<>("{\"roles\":[\"PEGAWAI\",\"PROCESS_OWNER\",\"PENILAI\"]}", headers),
            JsonNode.class);

    assertThat(
            http.withBasicAuth(user, "demo")
                .getForEntity("/api/process-definitions", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode me = http.withBasicAuth(user, "demo").getForObject("/api/me", JsonNode.class);
    assertThat(me.path("roles").toString())
        .contains("PROCESS_OWNER")
        .doesNotContain("PENILAI"); // derived, never assigned

    http.withBasicAuth("admin", "demo")
        .exchange(
            "/api/admin/users/" + user + "/roles",
            HttpMethod.PUT,
            new HttpEntity<>("{\"roles\":[\"PEGAWAI\"]}", headers),
            JsonNode.class);
    assertThat(
            http.withBasicAuth(user, "demo")
                .getForEntity("/api/process-definitions", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndHstsOverHttps() throws Exception {
    ResponseEntity<JsonNode> api =
        http.withBasicAuth("pegawai1", "demo").getForEntity("/api/me", JsonNode.class);
    assertThat(api.getHeaders().getFirst("Content-Security-Policy"))
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(api.getHeaders().getFirst("Strict-Transport-Security")).isNull(); // plain http

    var secure = new MockHttpServletRequest("GET", "/login");
    secure.setSecure(true);
    secure.setScheme("https");
    var answer = new MockHttpServletResponse();
    securityFilters.doFilter(secure, answer, new MockFilterChain());
    assertThat(answer.getHeader("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void aDiagramIsADownloadABrowserCannotRunScriptIn() {
    ResponseEntity<String> diagram =
        http.withBasicAuth("pemilik", "demo")
            .getForEntity("/api/process-definitions/skp-planning/versions/1/xml", String.class);

    assertThat(diagram.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(diagram.getBody()).contains("<bpmn:definitions");
    assertThat(diagram.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(diagram.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; sandbox");
    assertThat(diagram.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  /**
   * Posts the sign-in form as a browser does: with the session cookie and CSRF token of the form.
   */
  private HttpResponse<String> signIn(String user, String password) throws Exception {
    var browser = HttpClient.newHttpClient(); // follows no redirects
    var base = URI.create("http://localhost:" + port);
    var loginPage =
        browser.send(
            HttpRequest.newBuilder(base.resolve("/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String session = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String form =
        "username="
            + user
            + "&password="
            + password
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return browser.send(
        HttpRequest.newBuilder(base.resolve("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", session)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
