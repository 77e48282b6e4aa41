package id.kinerja.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import id.kinerja.support.AppProcess;
import id.kinerja.support.BrowserTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as `./kinerja run` has it: the application starts the sandbox engine as a
 * process of its own, reports UP only once processes/ and forms/ are deployed, moves the sandbox's
 * clock for the demo, comes back to the same sandbox and tasks after being killed, and under a
 * fresh sandbox clears the old engine's records, says so and seeds the demo again.
 */
class SandboxEngineTest {

  static final int GATEWAY = 26620;
  static final int CONTROL = 26621;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;

  @BeforeAll
  static void noSandboxOfAnEarlierRun() {
    AppProcess.stopSandbox(CONTROL);
    AppProcess.stopSandbox(26623);
  }

  @AfterAll
  static void noSandboxLeftBehind() {
    AppProcess.stopSandbox(CONTROL);
  }

  @Test
  void runsTheSandboxAsItsOwnProcessAndSurvivesItsOwnCrash() throws Exception {
    Map<String, String> properties = properties(AppProcess.freshDatabase("sandbox"));
    int year = LocalDate.now(ZoneId.of("Asia/Makassar")).getYear() + 1;

    String engineId;
    long taskId;
    try (var app = AppProcess.start(work, "first", properties)) {
      // UP means deployed: the processes are listed the moment health says so
      assertThat(get(app, "pemilik", "/api/process-definitions").toString())
          .contains("skp-planning", "unit-review", "appeal");
      engineId = sandbox().path("id").asText();
      // its state in RocksDB, as on Camunda 8's brokers, not in the library's in-memory store
      assertThat(sandbox().path("stateStore").asText()).isEqualTo("rocksdb");

      // the demo clock moves the sandbox's own clock, and the application's today follows it
      Instant before = Instant.parse(get(app, "admin", "/api/clock").path("now").asText());
      post(app, "admin", "/api/demo/clock", Map.of("days", 10, "hours", 0));
      assertThat(sandbox().path("offsetMillis").asLong()).isEqualTo(Duration.ofDays(10).toMillis());
      assertThat(Instant.parse(get(app, "admin", "/api/clock").path("now").asText()))
          .isAfterOrEqualTo(before.plus(Duration.ofDays(10)));

      post(app, "pengelola", "/api/periods", Map.of("unitCode", "SEKSI-LIP", "year", year));
      taskId = awaitTaskOf(app, "pegawai1").path("id").asLong();

      // a crash: the sandbox lives on, and the restarted application takes it up again
      app.kill();
    }
    assertThat(sandbox().path("id").asText()).isEqualTo(engineId);
    try (var app = AppProcess.start(work, "after-crash", properties)) {
      assertThat(app.logText()).contains("Using the sandbox engine already running");
      JsonNode tasks = get(app, "pegawai1", "/api/tasks");
      assertThat(tasks.path("total").asInt()).isEqualTo(1);
      assertThat(tasks.path("items").get(0).path("id").asLong()).isEqualTo(taskId);
      assertThat(sandbox().path("offsetMillis").asLong()).isEqualTo(Duration.ofDays(10).toMillis());
      // a normal stop stops the sandbox with the application
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> !sandboxRuns());

    // a fresh sandbox under the old database: the old engine's records go, and it says so
    try (var app = AppProcess.start(work, "fresh", properties)) {
      assertThat(sandbox().path("id").asText()).isNotEqualTo(engineId);
      assertThat(app.logText())
          .containsOnlyOnce("A fresh sandbox engine")
          .contains("sandbox engine " + engineId, "the demo organisation is seeded again");
      assertThat(get(app, "pegawai1", "/api/tasks").path("total").asInt()).isZero();
      // a new sandbox runs on real time again
      assertThat(Instant.parse(get(app, "admin", "/api/clock").path("now").asText()))
          .isBefore(Instant.now().plus(Duration.ofDays(1)));
      String admin = page(app, "admin", "/admin?lang=en");
      assertThat(admin)
          .contains("it keeps nothing across its own restarts")
          .contains("Kinerja met a fresh sandbox engine")
          .containsPattern("tasks: [1-9]")
          .contains("The demo organisation was seeded again.");
      seenOnTheAdminPage(app);
      // the year can be opened again, on the new engine (whose keys begin again: the old rows
      // had to go before the new tasks came in)
      Instant reopened = Instant.now();
      post(app, "pengelola", "/api/periods", Map.of("unitCode", "SEKSI-LIP", "year", year));
      assertThat(Instant.parse(awaitTaskOf(app, "pegawai1").path("createdAt").asText()))
          .isAfter(reopened.minusSeconds(5));
    }
  }

  @Test
  void refusesToStartInWordsWhenItsPortIsTakenOrItsJavaTooOld() throws Exception {
    Map<String, String> properties = properties(AppProcess.freshDatabase("sandbox_refused"));
    properties.put("kinerja.engine.sandbox.gateway-port", "26622");
    properties.put("kinerja.engine.sandbox.control-port", "26623");
    try (var taken = new ServerSocket(26622)) {
      AppProcess.Exit exit = AppProcess.startExpectingFailure(work, "port-taken", properties);
      assertThat(exit.code()).isNotZero();
      assertThat(exit.output())
          .contains("APPLICATION FAILED TO START")
          .contains(
              "gateway port 26622 is already in use by another program, which is not Kinerja's"
                  + " sandbox engine")
          .doesNotContain("at id.kinerja");
    }

    Path oldJdk = Files.createDirectories(work.resolve("jdk-17"));
    Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    properties.put("kinerja.engine.sandbox.java-home", oldJdk.toString());
    AppProcess.Exit exit = AppProcess.startExpectingFailure(work, "old-java", properties);
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output())
        .contains("the sandbox engine needs Java 21 or newer, and " + oldJdk + " is Java 17")
        .contains("kinerja.engine.sandbox.java-home");
  }

  /**
   * What the admin sees in Chromium: the sandbox said plainly, and what it cleared (in English,
   * which the admin chose with ?lang=en above).
   */
  private static void seenOnTheAdminPage(AppProcess app) {
    try (Playwright playwright = Playwright.create();
        Browser browser = BrowserTest.chromium(playwright)) {
      Page page = browser.newPage();
      page.navigate(app.baseUrl() + "/login");
      page.locator("#username").fill("admin");
      page.locator("#password").fill("demo");
      page.locator("form button[type=submit]").click();
      page.waitForURL(app.baseUrl() + "/");
      page.navigate(app.baseUrl() + "/admin");
      PlaywrightAssertions.assertThat(page.locator("#engine-sandbox-warning"))
          .containsText("it keeps nothing across its own restarts");
      PlaywrightAssertions.assertThat(page.locator("#engine-notice"))
          .containsText("met a fresh sandbox engine");
      PlaywrightAssertions.assertThat(page.locator("#engine-notice li").first())
          .containsText("tasks");
      page.locator("#engine-panel")
          .screenshot(
              new Locator.ScreenshotOptions()
                  .setPath(BrowserTest.SCREENSHOTS.resolve("admin-fresh-sandbox.png")));
    }
  }

  private static Map<String, String> properties(String database) throws IOException {
    var properties = new HashMap<String, String>();
    properties.put("spring.datasource.url", "jdbc:postgresql://localhost:5432/" + database);
    properties.put("kinerja.engine.sandbox.gateway-port", Integer.toString(GATEWAY));
    properties.put("kinerja.engine.sandbox.control-port", Integer.toString(CONTROL));
    properties.put("kinerja.engine.sandbox.log-file", work.resolve("sandbox.log").toString());
    properties.put("kinerja.mail.embedded.port", Integer.toString(AppProcess.freePort()));
    return properties;
  }

  private static JsonNode sandbox() throws IOException, InterruptedException {
    return JSON.readTree(
        HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CONTROL + "/engine"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static boolean sandboxRuns() throws InterruptedException {
    try {
      sandbox();
      return true;
    } catch (IOException stopped) {
      return false;
    }
  }

  private static JsonNode awaitTaskOf(AppProcess app, String user) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(app, user, "/api/tasks").path("items"), items -> items.size() > 0)
        .get(0);
  }

  private static HttpRequest.Builder request(AppProcess app, String user, String path) {
    return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
  }

  static JsonNode get(AppProcess app, String user, String path)
      throws IOException, InterruptedException {
    var response =
        HTTP.send(request(app, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static String page(AppProcess app, String user, String path)
      throws IOException, InterruptedException {
    var response =
        HTTP.send(request(app, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static JsonNode post(AppProcess app, String user, String path, Object body)
      throws IOException, InterruptedException {
    var response =
        HTTP.send(
            request(app, user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
    return JSON.readTree(response.body());
  }
}
