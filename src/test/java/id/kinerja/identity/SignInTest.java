package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.support.IntegrationTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in as an attacker would try it: guessing passwords for one user name (locked after 5
 * within 15 minutes, on the form and with Basic), guessing from one client (slowed), riding on a
 * browser's session (CSRF), keeping a session id from before sign-in, keeping roles an admin took.
 * Each test talks from its own loopback address, as a client of its own.
 */
class SignInTest extends IntegrationTest {

  static final String PASSWORD = "Benar-Sekali-2027";

  @LocalServerPort int port;
  @Autowired Users users;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  @Test
  void fiveWrongPasswordsLockTheUserNameForAWhileOnTheFormAndWithBasic() throws Exception {
    String user = account(List.of(Role.PEGAWAI));
    var client = new Client("127.0.0.11");
    for (int i = 0; i < 5; i++) {
      assertThat(client.basic("GET", "/api/me", user, "tebakan-" + i, null).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> locked = client.basic("GET", "/api/me", user, PASSWORD, null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After"))
        .get()
        .satisfies(s -> assertThat(Long.parseLong(s)).isBetween(800L, 900L));
    assertThat(locked.body()).contains("Coba lagi dalam 15 menit");
    assertThat(client.signIn(user, PASSWORD).headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/login?locked=15");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'SIGN_IN_LOCKED' and subject_id = ?")
                .param(user)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // 15 minutes later the right password works again, and the count starts afresh
    jdbc.sql("update sign_in_failure set at = at - interval '16 minutes' where username = ?")
        .param(user)
        .update();
    assertThat(client.basic("GET", "/api/me", user, PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from sign_in_failure where username = ?")
                .param(user)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aClientFailingAgainAndAgainWaitsLongerBetweenTriesOthersDoNot() throws Exception {
    String user = account(List.of(Role.PEGAWAI));
    var guesser = new Client("127.0.0.12");
    for (int i = 0; i < 11; i++) {
      String someone = "tebak-" + UUID.randomUUID().toString().substring(0, 6);
      assertThat(guesser.basic("GET", "/api/me", someone, "salah", null).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> slowed = guesser.basic("GET", "/api/me", user, PASSWORD, null);
    assertThat(slowed.statusCode()).isEqualTo(429);
    assertThat(slowed.headers().firstValue("Retry-After")).contains("1");
    assertThat(slowed.body()).contains("Tunggu");
    assertThat(new Client("127.0.0.13").basic("GET", "/api/me", user, PASSWORD, null).statusCode())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'SIGN_IN_SLOWED' and after_state->>'lastUsername' like 'tebak-%'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    // once the wait is over, the client is heard again
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> guesser.basic("GET", "/api/me", user, PASSWORD, null).statusCode() == 200);
  }

  @Test
  void theSessionIdChangesAtSignIn() throws Exception {
    String user = account(List.of(Role.PEGAWAI));
    var client = new Client("127.0.0.14");
    String before = client.session();

    HttpResponse<String> signedIn = client.signIn(user, PASSWORD);

    String after = cookie(signedIn);
    assertThat(signedIn.headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith(":" + port + "/");
    assertThat(after).startsWith("JSESSIONID=").isNotEqualTo(before);
    assertThat(client.withSession(after, "GET", "/api/me", null, null).statusCode()).isEqualTo(200);
    assertThat(client.withSession(before, "GET", "/api/me", null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aRoleAnAdminTakesAwayIsGoneFromTheSignedInSessionAtItsNextRequest() throws Exception {
    String user = account(List.of(Role.PEGAWAI, Role.PROCESS_OWNER));
    var client = new Client("127.0.0.15");
    String session = cookie(client.signIn(user, PASSWORD));
    assertThat(
            client.withSession(session, "GET", "/api/process-definitions", null, null).statusCode())
        .isEqualTo(200);
    assertThat(client.withSession(session, "GET", "/processes", null, null).statusCode())
        .isEqualTo(200);

    users.setRoles(users.find(user).orElseThrow().id(), List.of(Role.PEGAWAI));

    assertThat(
            client.withSession(session, "GET", "/api/process-definitions", null, null).statusCode())
        .isEqualTo(403);
    assertThat(client.withSession(session, "GET", "/processes", null, null).statusCode())
        .isEqualTo(403);
    assertThat(client.withSession(session, "GET", "/api/me", null, null).body())
        .doesNotContain("PROCESS_OWNER");
  }

  @Test
  void onlyAScriptsOwnBasicRequestSkipsTheCsrfToken() throws Exception {
    String user = account(List.of(Role.PEGAWAI));
    var client = new Client("127.0.0.16");
    String body = "{\"locale\":\"id\"}";

    // a script: Basic on the request itself, no session
    assertThat(client.basic("PUT", "/api/me/locale", user, PASSWORD, body).statusCode())
        .isEqualTo(204);
    // a browser: its session, or Basic it resends by itself along with the session or cross-site
    String session = cookie(client.signIn(user, PASSWORD));
    assertThat(client.withSession(session, "PUT", "/api/me/locale", null, body).statusCode())
        .isEqualTo(403);
    assertThat(client.withSession(session, "PUT", "/api/me/locale", basic(user), body).statusCode())
        .isEqualTo(403);
    assertThat(client.crossSite("PUT", "/api/me/locale", basic(user), body).statusCode())
        .isEqualTo(403);
  }

  private String account(List<Role> roles) {
    String username = "masuk-" + UUID.randomUUID().toString().substring(0, 8);
    users.save(username, encoder.encode(PASSWORD), null, roles);
    return username;
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String cookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }

  /** A client at its own loopback address (Linux answers all of 127.0.0.0/8), without redirects. */
  private final class Client {

    private final HttpClient http;

    Client(String address) throws Exception {
      this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    HttpResponse<String> basic(
        String method, String path, String user, String password, String body) throws Exception {
      String credentials =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return send(request(method, path, body).header("Authorization", "Basic " + credentials));
    }

    HttpResponse<String> withSession(
        String session, String method, String path, String authorization, String body)
        throws Exception {
      HttpRequest.Builder request = request(method, path, body).header("Cookie", session);
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return send(request);
    }

    HttpResponse<String> crossSite(String method, String path, String authorization, String body)
        throws Exception {
      return send(
          request(method, path, body)
              .header("Authorization", authorization)
              .header("Sec-Fetch-Site", "cross-site"));
    }

    /** The session cookie of the sign-in page, before signing in. */
    String session() throws Exception {
      return cookie(send(request("GET", "/login", null)));
    }

    /** Posts the sign-in form as a browser does: with the form's session and CSRF token. */
    HttpResponse<String> signIn(String user, String password) throws Exception {
      HttpResponse<String> page = send(request("GET", "/login", null));
      String session = cookie(page);
      String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
      String form =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      return send(
          HttpRequest.newBuilder(uri("/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Cookie", session)
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String method, String path, String body) {
      var request = HttpRequest.newBuilder(uri(path));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      return request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
