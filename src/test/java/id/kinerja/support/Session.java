package id.kinerja.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in through the login form, as a browser is: one session cookie and its CSRF
 * token. Unlike HTTP Basic, the password is checked once, not on every request (BCrypt is slow on
 * purpose), so a test can make hundreds of API calls as many people.
 */
public final class Session {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client;
  private String csrf;

  public record Answer(int status, JsonNode body, String text) {}

  private Session(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** A session of its own, before signing in (for a sign-in by single sign-on, for example). */
  public static Session anonymous(int port) {
    return new Session(
        "http://localhost:" + port,
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());
  }

  public static Session signIn(int port, String username, String password) {
    Session session = anonymous(port);
    session.page("/login");
    Answer answer =
        session.request(
            HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=%s&password=%s&_csrf=%s"
                            .formatted(encode(username), encode(password), encode(session.csrf)))));
    if (answer.text().contains("name=\"password\"")) {
      throw new IllegalStateException(username + " could not sign in");
    }
    session.page("/"); // the token changes at sign-in
    return session;
  }

  /** Opens a page (following redirects) and keeps its CSRF token; returns the final page. */
  public Answer page(String pathOrUrl) {
    Answer answer =
        request(
            HttpRequest.newBuilder(
                    URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
                .GET());
    Matcher matcher = CSRF.matcher(answer.text());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return answer;
  }

  public JsonNode get(String path) {
    return request(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .GET())
        .body();
  }

  public Answer send(String method, String path, Object body) {
    try {
      return request(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("X-CSRF-TOKEN", csrf)
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer request(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      if (response.headers().firstValue("Content-Type").orElse("").contains("json")
          && !response.body().isEmpty()) {
        json = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
