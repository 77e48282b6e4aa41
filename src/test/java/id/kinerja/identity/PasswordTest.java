package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.TestAgency;
import id.kinerja.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An account without a working password (as the CSV import makes them) is given one and used. */
class PasswordTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @Test
  void theAdminSetsAPasswordAndItsOwnerChangesIt() {
    String user = new TestAgency(jdbc).person("impor", "III/a", null).username();
    String first = "Mataram-Kominfo-2027";
    String second = "Layanan-Publik-Prima-9";

    assertThat(
            put(
                    "admin",
                    "demo",
                    "/api/admin/users/" + user + "/password",
                    "id",
                    Map.of("password", "pendek"))
                .getBody()
                .path("detail")
                .asText())
        .isEqualTo("Kata sandi paling sedikit 12 karakter.");
    assertThat(
            put(
                    "admin",
                    "demo",
                    "/api/admin/users/" + user + "/password",
                    "en",
                    Map.of("password", "x-" + user + "-2027"))
                .getBody()
                .path("detail")
                .asText())
        .isEqualTo("A password must not contain the user name.");
    assertThat(
            put(
                    "pemilik",
                    "demo",
                    "/api/admin/users/" + user + "/password",
                    "id",
                    Map.of("password", first))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            put(
                    "admin",
                    "demo",
                    "/api/admin/users/" + user + "/password",
                    "id",
                    Map.of("password", first))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.withBasicAuth(user, first).getForEntity("/api/me", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // the owner changes it: the current password is asked for
    assertThat(
            put(
                    user,
                    first,
                    "/api/me/password",
                    "en",
                    Map.of("currentPassword", "salah-sekali-123", "newPassword", second))
                .getBody()
                .path("detail")
                .asText())
        .isEqualTo("The current password is wrong.");
    assertThat(
            put(
                    user,
                    first,
                    "/api/me/password",
                    "id",
                    Map.of("currentPassword", first, "newPassword", second))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.withBasicAuth(user, first).getForEntity("/api/me", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth(user, second)
                .getForEntity("/api/me", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // the trail says who did it, never the secret
    assertThat(
            jdbc.sql(
                    "select action || ' ' || after_state::text from audit_event where subject_type = 'USER' and subject_id = :user order by id")
                .param("user", user)
                .query(String.class)
                .list())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).doesNotContain(first, second))
        .satisfiesExactly(
            line -> assertThat(line).startsWith("PASSWORD_SET").contains("admin"),
            line -> assertThat(line).startsWith("PASSWORD_CHANGED").contains(user));
  }

  private ResponseEntity<JsonNode> put(
      String user, String password, String path, String language, Map<String, String> body) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, password)
        .exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
