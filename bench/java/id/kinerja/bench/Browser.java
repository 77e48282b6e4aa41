package id.kinerja.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser: signed in once through the login form, then the session cookie and the
 * page's CSRF token on every call, as api.js sends them. All browsers share one HTTP client (a
 * client per person would cost a selector thread each); each keeps its own cookies. Every call's
 * time goes to the run's latencies under the name given.
 */
final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final Latencies latencies;
  final String username;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private volatile String csrf;

  record Answer(int status, String text) {
    JsonNode json() {
      try {
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Browser(HttpClient http, String base, Latencies latencies, String username) {
    this.http = http;
    this.base = base;
    this.latencies = latencies;
    this.username = username;
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The login form: its page (for the CSRF token), the post, the start page (the new token). */
  Browser signIn(String password) {
    page("/login");
    Answer answer =
        call(
            "POST /login",
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=%s&password=%s&_csrf=%s"
                            .formatted(encode(username), encode(password), encode(csrf)))));
    if (answer.status() != 302 || !cookies.containsKey("JSESSIONID") || page("/") != 200) {
      throw new IllegalStateException(username + " could not sign in: " + answer.status());
    }
    return this;
  }

  private int page(String path) {
    Answer answer = call("GET page", HttpRequest.newBuilder(URI.create(base + path)).GET());
    Matcher matcher = CSRF.matcher(answer.text());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return answer.status();
  }

  Answer get(String metric, String path) {
    return call(
        metric,
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  JsonNode json(String metric, String path) {
    Answer answer = get(metric, path);
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "GET " + path + " as " + username + ": " + answer.status() + " " + answer.text());
    }
    return answer.json();
  }

  Answer send(String metric, String method, String path, Object body) {
    try {
      return call(
          metric,
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("X-CSRF-TOKEN", csrf)
              .method(
                  method,
                  HttpRequest.BodyPublishers.ofString(
                      body == null ? "" : JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multipart upload (the organisation import), with the CSRF token. */
  Answer upload(String metric, String path, Map<String, String> csvFiles) {
    String boundary = "kinerja-bench-" + System.nanoTime();
    var body = new StringBuilder();
    csvFiles.forEach(
        (part, content) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(part)
                .append("\"; filename=\"")
                .append(part)
                .append(".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(content)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return call(
        metric,
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", csrf)
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private Answer call(String metric, HttpRequest.Builder request) {
    String cookie = cookieHeader();
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      latencies.record(metric, System.nanoTime() - start);
      keepCookies(response.headers().allValues("Set-Cookie"));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String cookieHeader() {
    var header = new StringBuilder();
    cookies.forEach(
        (name, value) ->
            header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return header.toString();
  }

  private void keepCookies(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
