package id.kinerja.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.kinerja.KinerjaApplication;
import id.kinerja.support.AppProcess;
import io.camunda.client.spring.properties.CamundaClientProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Kinerja on a Camunda 8 cluster (kinerja.engine.mode=remote), configured the ways agencies run it:
 * self-managed with OAuth client credentials (here the sandbox engine behind a local token
 * endpoint), and Camunda SaaS (whose addresses the client derives from the cluster id and region).
 * An unreachable or unauthorised cluster leaves the application up: health DOWN with the reason,
 * and requests that need the engine answer 503 in the caller's language.
 */
class RemoteEngineTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  static volatile boolean refuseTokens;

  @TempDir static Path work;
  static SandboxProcess cluster;
  static HttpServer tokens;
  static String database;

  @BeforeAll
  static void startTheClusterAndItsTokenEndpoint() throws Exception {
    cluster = startCluster();
    tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokens.createContext(
        "/oauth/token",
        exchange -> {
          tokenRequests.add(
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          byte[] body =
              (refuseTokens
                      ? "{\"error\":\"invalid_client\"}"
                      : "{\"access_token\":\"token-for-kinerja\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(refuseTokens ? 401 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    tokens.start();
    database = AppProcess.freshDatabase("remote");
  }

  /** Stands in for a self-managed cluster: the sandbox engine, on ports of its own. */
  static SandboxProcess startCluster() throws InterruptedException {
    var sandbox =
        new SandboxProcess(
            new EngineProperties.Sandbox(
                26630,
                26631,
                Path.of("target/sandbox-engine.classpath"),
                Path.of("target/test-classes"),
                null,
                List.of("-Xmx512m"),
                work.resolve("cluster.log"),
                Duration.ofSeconds(60),
                true));
    sandbox.afterPropertiesSet();
    return sandbox;
  }

  @AfterAll
  static void stopThem() throws InterruptedException {
    tokens.stop(0);
    cluster.destroy();
  }

  @Test
  void selfManagedWithOAuthClientCredentials() throws Exception {
    refuseTokens = false;
    try (var app = start(selfManagedWithOAuth())) {
      JsonNode health = health(app);
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("engine").path("details").path("kind").asText())
          .isEqualTo("camunda-8-cluster");
      assertThat(get(app, "pemilik", "/api/process-definitions", "id").toString())
          .contains("skp-planning", "unit-review");
      assertThat(tokenRequests)
          .anySatisfy(
              request ->
                  assertThat(request)
                      .containsEntry("grant_type", "client_credentials")
                      .containsEntry("client_id", "kinerja")
                      .containsEntry("client_secret", "rahasia-klien")
                      .containsEntry("audience", "zeebe-api"));
    }
  }

  @Test
  void anUnauthorisedClusterIsDownWithItsReasonAndRequestsGet503InWords() throws Exception {
    refuseTokens = true;
    try (var app = start(selfManagedWithOAuth())) {
      JsonNode health = health(app);
      assertThat(health.path("status").asText()).isEqualTo("DOWN");
      assertThat(health.path("components").path("engine").path("status").asText())
          .isEqualTo("DOWN");
      assertThat(health.path("components").path("engine").path("details").path("reason").asText())
          .isNotBlank();
      assertThat(health.path("components").path("deployment").path("status").asText())
          .isEqualTo("DOWN");

      HttpResponse<String> id = openYear(app, "id");
      assertThat(id.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(id.body()).path("detail").asText()).startsWith("Mesin alur kerja");
      HttpResponse<String> en = openYear(app, "en");
      assertThat(en.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(en.body()).path("detail").asText())
          .startsWith("The workflow engine")
          .doesNotContain("Exception", "at io.");
    } finally {
      refuseTokens = false;
    }
  }

  @Test
  void anUnreachableClusterIsDownAndRequestsGet503() throws Exception {
    try (var app =
        start(
            Map.of(
                "camunda.client.mode",
                "self-managed",
                "camunda.client.grpc-address",
                "http://127.0.0.1:" + AppProcess.freePort()))) {
      JsonNode health = health(app);
      assertThat(health.path("components").path("engine").path("status").asText())
          .isEqualTo("DOWN");
      assertThat(health.path("components").path("engine").path("details").path("reason").asText())
          .isNotBlank();
      assertThat(openYear(app, "en").statusCode()).isEqualTo(503);
    }
  }

  /**
   * A cluster that lost its data (or another cluster) under a database used before: Kinerja says so
   * in the log and on /admin, and clears nothing: a remote engine's records are the agency's.
   */
  @Test
  void aClusterThatForgotItsProcessesIsReportedAndNothingIsCleared() throws Exception {
    String ownDatabase = AppProcess.freshDatabase("remote_mismatch");
    refuseTokens = false;
    try (var app = start(selfManagedWithOAuth(), ownDatabase)) {
      assertThat(openYear(app, "id").statusCode()).isEqualTo(200);
      var jdbc = app.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> openTasks(jdbc) > 0);
    }
    cluster.destroy();
    cluster = startCluster();
    try (var app = start(selfManagedWithOAuth(), ownDatabase)) {
      String admin = page(app, "admin", "/admin?lang=en");
      assertThat(admin).contains("the engine did not know").contains("Nothing was changed.");
      var jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from performance_year").query(Long.class).single())
          .isPositive();
      assertThat(mismatches(jdbc)).isEqualTo(1);
    }
    // the next start: the deployments are known now, the open tasks' process instances are not
    try (var app = start(selfManagedWithOAuth(), ownDatabase)) {
      var jdbc = app.getBean(JdbcClient.class);
      assertThat(page(app, "admin", "/admin?lang=en"))
          .contains("the engine did not know process instance")
          .contains("Nothing was changed.");
      assertThat(mismatches(jdbc)).isEqualTo(2);
      assertThat(openTasks(jdbc)).isPositive();
    }
  }

  private static long openTasks(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from user_task where state = 'OPEN'")
        .query(Long.class)
        .single();
  }

  private static long mismatches(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from engine_notice where kind = 'MISMATCH'")
        .query(Long.class)
        .single();
  }

  /**
   * SaaS is configured by cluster id, region and client credentials alone; the client derives the
   * addresses (this machine reaches no cluster on the internet, so only the configuration is
   * checked, as the application's environment resolves it).
   */
  @Test
  void camundaSaasIsReachedByClusterIdAndRegionWithClientCredentials() {
    try (var context =
        new SpringApplicationBuilder(ClientSettingsOnly.class)
            .web(WebApplicationType.NONE)
            .run(
                "--kinerja.engine.mode=remote",
                "--camunda.client.mode=saas",
                "--camunda.client.cloud.cluster-id=3f2a9c1e-kinerja",
                "--camunda.client.cloud.region=jkt-1",
                "--camunda.client.auth.client-id=kinerja",
                "--camunda.client.auth.client-secret=rahasia-klien")) {
      CamundaClientProperties client = context.getBean(CamundaClientProperties.class);
      assertThat(client.getGrpcAddress())
          .isEqualTo(URI.create("https://3f2a9c1e-kinerja.jkt-1.zeebe.camunda.io:443"));
      assertThat(client.getAuth().getMethod().name()).isEqualToIgnoringCase("oidc");
      assertThat(client.getAuth().getTokenUrl())
          .isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token"));
      assertThat(client.getAuth().getAudience()).isEqualTo("zeebe.camunda.io");
      assertThat(client.getPreferRestOverGrpc()).isFalse();
    }
  }

  /** Kinerja's configuration files and environment, bound to the Camunda client's properties. */
  @EnableConfigurationProperties(CamundaClientProperties.class)
  static class ClientSettingsOnly {}

  private static Map<String, String> selfManagedWithOAuth() {
    return Map.of(
        "camunda.client.mode", "self-managed",
        "camunda.client.grpc-address", "http://127.0.0.1:26630",
        "camunda.client.auth.method", "oidc",
        "camunda.client.auth.token-url",
            "http://127.0.0.1:" + tokens.getAddress().getPort() + "/oauth/token",
        "camunda.client.auth.client-id", "kinerja",
        "camunda.client.auth.client-secret", "rahasia-klien",
        "camunda.client.auth.audience", "zeebe-api",
        // a cache of its own for each start: a token cached by one start must not serve the next
        "camunda.client.auth.credentials-cache-path",
            work.resolve("credentials-" + System.nanoTime()).toString());
  }

  private static ConfigurableApplicationContext start(Map<String, String> camunda) {
    return start(camunda, database);
  }

  private static ConfigurableApplicationContext start(
      Map<String, String> camunda, String database) {
    var arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:5432/" + database,
                "--kinerja.engine.mode=remote",
                "--kinerja.mail.embedded.enabled=false",
                "--kinerja.notification.sender.enabled=false"));
    camunda.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(KinerjaApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static String baseUrl(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  private static JsonNode health(ConfigurableApplicationContext app) throws Exception {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                JSON.readTree(
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl(app) + "/actuator/health"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()),
            h -> !h.path("components").path("engine").isMissingNode());
  }

  private static HttpResponse<String> openYear(ConfigurableApplicationContext app, String language)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl(app) + "/api/periods"))
            .header("Authorization", basic("pengelola"))
            .header("Accept-Language", language)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"unitCode\":\"SEKSI-LIP\",\"year\":2027}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(
      ConfigurableApplicationContext app, String user, String path, String language)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl(app) + path))
                .header("Authorization", basic(user))
                .header("Accept-Language", language)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String page(ConfigurableApplicationContext app, String user, String path)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl(app) + path))
                .header("Authorization", basic(user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
  }

  private static Map<String, String> form(String body) {
    var fields = new HashMap<String, String>();
    UriComponentsBuilder.newInstance()
        .query(body)
        .build()
        .getQueryParams()
        .forEach(
            (name, values) ->
                fields.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
    return fields;
  }
}
