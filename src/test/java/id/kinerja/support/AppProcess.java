package id.kinerja.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, as `./kinerja run` starts it (the build's classes and
 * runtime classpath, embedded mode, the repository's processes/ and forms/), so that a test can
 * kill it with SIGKILL and start it again.
 */
public final class AppProcess implements AutoCloseable {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private final Process process;
  private final int port;
  private final Path log;

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the application with these properties (besides the embedded defaults) and waits until
   * its health is UP.
   */
  public static AppProcess start(Path work, String name, Map<String, String> properties)
      throws IOException {
    int port = freePort();
    Path log = work.resolve(name + ".log");
    Process process = launch(port, log, properties);
    var app = new AppProcess(process, port, log);
    app.awaitUp();
    return app;
  }

  /** A start that is expected to fail: waits for the exit; returns its code and what it said. */
  public record Exit(int code, String output) {}

  public static Exit startExpectingFailure(Path work, String name, Map<String, String> properties)
      throws IOException, InterruptedException {
    Path log = work.resolve(name + ".log");
    Process process = launch(freePort(), log, properties);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("The application started although it should not have");
    }
    return new Exit(process.exitValue(), Files.readString(log));
  }

  private static Process launch(int port, Path log, Map<String, String> properties)
      throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(
        PROJECT.resolve("target/classes")
            + ":"
            + Files.readString(PROJECT.resolve("target/application.classpath")).strip());
    command.add("id.kinerja.KinerjaApplication");
    command.add("--server.port=" + port);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    return new ProcessBuilder(command)
        .directory(PROJECT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return log;
  }

  public String logText() throws IOException {
    return Files.readString(log);
  }

  /** What a crash does: SIGKILL, no shutdown hook, nothing flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A normal stop (SIGTERM): the application shuts down, and with it the sandbox it runs. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitUp() {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "The application exited with "
                        + process.exitValue()
                        + ":\n"
                        + String.join("\n", tail(Files.readAllLines(log), 40)));
              }
              try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private static List<String> tail(List<String> lines, int n) {
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  /** A database of the test's own, dropped first: the application creates it again. */
  public static String freshDatabase(String suffix) throws SQLException {
    String name = System.getenv().getOrDefault("KINERJA_TEST_DB", "kinerja_test") + "_" + suffix;
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
    return name;
  }

  /**
   * Stops a sandbox engine that a killed application (or an earlier, killed test run) left running,
   * if there is one, and waits until it is gone.
   */
  public static void stopSandbox(int controlPort) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI engine = URI.create("http://127.0.0.1:" + controlPort + "/engine");
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(engine + "/stop"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException notRunning) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try {
                http.send(HttpRequest.newBuilder(engine).build(), BodyHandlers.discarding());
                return false;
              } catch (IOException gone) {
                return true;
              }
            });
  }

  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
