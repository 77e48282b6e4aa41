package id.kinerja.bench;

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
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as `./kinerja run` starts it: the build's classes and runtime classpath, the JVM
 * options of jvm.options (and MALLOC_ARENA_MAX=2), the embedded mode (the sandbox engine in a JVM
 * of its own, which the application starts), the repository's processes/ and forms/, on ports and a
 * database of the benchmark's own. With bench.jfr=true it records a profile
 * (target/bench/application.jfr).
 */
final class Application implements AutoCloseable {

  private final Process process;
  final int port;
  final Path log;

  private Application(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static Application start(Path log, Map<String, String> properties) throws Exception {
    int port = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + Path.of("jvm.options").toAbsolutePath());
    if (Boolean.getBoolean("bench.jfr")) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + log.resolveSibling("application.jfr").toAbsolutePath());
    }
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(
        Path.of("target/classes").toAbsolutePath()
            + ":"
            + Files.readString(Path.of("target/application.classpath")).strip());
    command.add("id.kinerja.KinerjaApplication");
    command.add("--server.port=" + port);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as ./kinerja run (jvm.options)
    Process process = builder.start();
    var app = new Application(process, port, log);
    app.awaitUp();
    return app;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  long pid() {
    return process.pid();
  }

  private void awaitUp() throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The application exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The application was not UP after 5 minutes; see " + log);
  }

  /** A normal stop: the application shuts down, and with it the sandbox it started. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Peak resident memory of a process (VmHWM in /proc/pid/status), in bytes; -1 when unknown. */
  static long peakResidentBytes(long pid) {
    return statusField(pid, "VmHWM:");
  }

  static long residentBytes(long pid) {
    return statusField(pid, "VmRSS:");
  }

  private static long statusField(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // not Linux, or the process has ended
    }
    return -1;
  }
}
