package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.coaching.TestAgency;
import id.kinerja.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scripts and integrations sign in with API tokens: one look-up, no BCrypt, revocable. */
class ApiTokenTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aTokenSignsAScriptInUntilItIsRevokedAndOnlyItsHashIsKept() throws Exception {
    String user = person();
    HttpResponse<String> created =
        send("POST", "/api/me/tokens", basic(user), Map.of("name", "Skrip laporan"), "id");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    String secret = body.path("secret").asText();
    long id = body.path("token").path("id").asLong();
    assertThat(secret).startsWith("kin_").hasSizeGreaterThan(40);

    // the token works, for reading and for writing, with no session and no CSRF token
    HttpResponse<String> me = send("GET", "/api/me", bearer(secret), null, "id");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo(user);
    assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(
            send("PUT", "/api/me/locale", bearer(secret), Map.of("locale", "en"), "id")
                .statusCode())
        .isEqualTo(204);

    // the database holds its SHA-256 and a hint, never the token
    Map<String, Object> row =
        jdbc.sql("select token_hash, hint from api_token where id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(row.get("token_hash")).isEqualTo(ApiTokens.sha256(secret)).isNotEqualTo(secret);
    assertThat(secret).startsWith((String) row.get("hint"));
    HttpResponse<String> listed = send("GET", "/api/me/tokens", bearer(secret), null, "en");
    assertThat(listed.body()).contains("Skrip laporan").doesNotContain(secret);
    assertThat(JSON.readTree(listed.body()).get(0).path("lastUsedAt").isNull()).isFalse();

    // another person cannot revoke it; its owner can, and it stops working at once
    String other = person();
    assertThat(send("DELETE", "/api/me/tokens/" + id, basic(other), null, "en").body())
        .contains("Token " + id + " was not found or is revoked already.");
    assertThat(send("DELETE", "/api/me/tokens/" + id, basic(user), null, "en").statusCode())
        .isEqualTo(204);
    HttpResponse<String> refused = send("GET", "/api/me", bearer(secret), null, "en");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(refused.body()).path("detail").asText())
        .isEqualTo(
            "This API token is unknown, revoked or expired. Create a new one on My account.");
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertThat(auditActions(user)).contains("API_TOKEN_CREATED");
  }

  @Test
  void anAdminMakesATokenForAnIntegrationAndRevokesIt() throws Exception {
    String integration = person();
    HttpResponse<String> refused =
        send(
            "POST",
            "/api/admin/users/" + integration + "/tokens",
            basic("pegawai1", "demo"),
            "{",
            "en");
    assertThat(refused.statusCode()).isEqualTo(403); // before the broken body
    HttpResponse<String> created =
        send(
            "POST",
            "/api/admin/users/" + integration + "/tokens",
            basic("admin", "demo"),
            Map.of("name", "SIMPEG", "days", 30),
            "en");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.path("token").path("createdBy").asText()).isEqualTo("admin");
    assertThat(body.path("token").path("expiresAt").asText()).isNotBlank();
    String secret = body.path("secret").asText();
    assertThat(send("GET", "/api/me", bearer(secret), null, "en").statusCode()).isEqualTo(200);
    assertThat(
            send(
                    "GET",
                    "/api/admin/users/" + integration + "/tokens",
                    basic("admin", "demo"),
                    null,
                    "en")
                .body())
        .contains("SIMPEG");
    long id = body.path("token").path("id").asLong();
    assertThat(
            send("DELETE", "/api/admin/tokens/" + id, basic("admin", "demo"), null, "en")
                .statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/api/me", bearer(secret), null, "en").statusCode()).isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/api/admin/users/nobody-here/tokens",
                    basic("admin", "demo"),
                    Map.of("name", "x"),
                    "en")
                .body())
        .contains("User nobody-here was not found.");
  }

  @Test
  void expiredTokensTokensOfDisabledAccountsAndMadeUpOnesAreRefused() throws Exception {
    String user = person();
    String expired = secret(user, "lama");
    jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where token_hash = :h")
        .param("h", ApiTokens.sha256(expired))
        .update();
    assertThat(send("GET", "/api/me", bearer(expired), null, "en").statusCode()).isEqualTo(401);

    String disabled = secret(user, "akun dinonaktifkan");
    jdbc.sql("update app_user set enabled = false where username = :u").param("u", user).update();
    assertThat(send("GET", "/api/me", bearer(disabled), null, "en").statusCode()).isEqualTo(401);

    for (String madeUp :
        new String[] {"kin_" + "A".repeat(43), "bukan-token", "", "kin_" + "x".repeat(500)}) {
      HttpResponse<String> refused = send("GET", "/api/me", bearer(madeUp), null, "id");
      assertThat(refused.statusCode()).as(madeUp).isEqualTo(401);
      assertThat(refused.body()).contains("Token API ini tidak dikenal");
    }
  }

  @Test
  void aTokenNeedsANameAndAValidityWithinTwoYears() throws Exception {
    String user = person();
    assertThat(send("POST", "/api/me/tokens", basic(user), Map.of("name", " "), "en").body())
        .contains("Give the token a name");
    assertThat(
            send("POST", "/api/me/tokens", basic(user), Map.of("name", "x", "days", 731), "en")
                .body())
        .contains("1 to 730 days");
    assertThat(
            send("POST", "/api/me/tokens", basic(user), Map.of("name", "x", "days", 0), "id")
                .statusCode())
        .isEqualTo(400);
    for (int i = 0; i < ApiTokens.MAX_PER_USER; i++) {
      secret(user, "token " + i);
    }
    HttpResponse<String> tooMany =
        send("POST", "/api/me/tokens", basic(user), Map.of("name", "satu lagi"), "en");
    assertThat(tooMany.statusCode()).isEqualTo(409);
    assertThat(tooMany.body()).contains("20 active tokens");
  }

  private String person() {
    var agency = new TestAgency(jdbc);
    return agency.withDemoPassword(agency.person("skrip", "III/a", null)).username();
  }

  private String secret(String user, String name) throws IOException, InterruptedException {
    HttpResponse<String> created =
        send("POST", "/api/me/tokens", basic(user), Map.of("name", name), "id");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).path("secret").asText();
  }

  private List<String> auditActions(String subject) {
    return jdbc.sql(
            "select action from audit_event where subject_type = 'user' and subject_id = :s")
        .param("s", subject)
        .query(String.class)
        .list();
  }

  private static String basic(String user) {
    return basic(user, "demo");
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  private static String bearer(String secret) {
    return "Bearer " + secret;
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, Object body, String language)
      throws IOException, InterruptedException {
    String json =
        body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Accept-Language", language)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
