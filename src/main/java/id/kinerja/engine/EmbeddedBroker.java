package id.kinerja.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the Zeebe broker distribution as a child process with its data in a local directory, so that
 * `./kinerja run` needs no container engine. Data survives restarts; a broker that already listens
 * on the gateway port is used as it is.
 */
public class EmbeddedBroker implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final EngineProperties.Embedded config;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  public EmbeddedBroker(EngineProperties.Embedded config) {
    this.config = config;
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    if (isListening(config.gatewayPort())) {
      log.info("A Zeebe gateway already listens on port {}: using it", config.gatewayPort());
    } else {
      start();
    }
    awaitReady();
  }

  private void start() throws IOException {
    Path script = config.home().resolve("bin/broker");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "The Zeebe broker distribution is missing at "
              + config.home().toAbsolutePath()
              + ". Build once with `./kinerja run` (Maven unpacks io.camunda:camunda-zeebe there),"
              + " or set kinerja.engine.mode=remote.");
    }
    Files.createDirectories(config.dataDir());
    Files.createDirectories(config.logFile().toAbsolutePath().getParent());
    var builder =
        new ProcessBuilder("/bin/sh", script.toAbsolutePath().toString())
            .directory(config.home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()));
    builder.environment().putAll(environment());
    log.info(
        "Starting the embedded Zeebe broker from {} (data in {}, log in {})",
        config.home(),
        config.dataDir().toAbsolutePath(),
        config.logFile().toAbsolutePath());
    process = builder.start();
  }

  /** The broker reads its configuration from environment variables (Spring relaxed binding). */
  Map<String, String> environment() {
    return Map.ofEntries(
        // the broker needs Java 21+, the same JDK that runs this application
        Map.entry("JAVA_HOME", System.getProperty("java.home")),
        Map.entry("ZEEBE_BROKER_DATA_DIRECTORY", config.dataDir().toAbsolutePath().toString()),
        Map.entry("ZEEBE_BROKER_NETWORK_HOST", "127.0.0.1"),
        Map.entry("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1"),
        Map.entry("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(config.gatewayPort())),
        Map.entry("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(config.commandPort())),
        Map.entry("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(config.internalPort())),
        Map.entry("SERVER_ADDRESS", "127.0.0.1"),
        Map.entry("SERVER_PORT", Integer.toString(config.restPort())),
        Map.entry("MANAGEMENT_SERVER_PORT", Integer.toString(config.managementPort())),
        Map.entry("ZEEBE_CLOCK_CONTROLLED", Boolean.toString(config.clockControlled())),
        Map.entry("JAVA_OPTS", "-Xms256m -Xmx1g --enable-native-access=ALL-UNNAMED"));
  }

  private void awaitReady() throws InterruptedException {
    var readiness =
        HttpRequest.newBuilder(managementUri("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(config.startupTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "The embedded Zeebe broker exited with code "
                + process.exitValue()
                + ". Last lines of "
                + config.logFile()
                + ":\n"
                + tailOfLog());
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          log.info("Embedded Zeebe broker is ready on port {}", config.gatewayPort());
          return;
        }
      } catch (IOException notYet) {
        // the management server is not up yet
      }
      Thread.sleep(250); // polling an external process: nothing to await on
    }
    throw new IllegalStateException(
        "The embedded Zeebe broker was not ready within "
            + config.startupTimeout()
            + ". Last lines of "
            + config.logFile()
            + ":\n"
            + tailOfLog());
  }

  URI managementUri(String path) {
    return URI.create("http://127.0.0.1:" + config.managementPort() + path);
  }

  private String tailOfLog() {
    try {
      List<String> lines = Files.readAllLines(config.logFile());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log not readable: " + e.getMessage() + ")";
    }
  }

  private static boolean isListening(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether this application started the broker (and so stops it). */
  public boolean isOwnProcess() {
    return process != null;
  }

  @Override
  public void destroy() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    log.info("Stopping the embedded Zeebe broker");
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      log.warn("The embedded Zeebe broker did not stop within 30 s: killing it");
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
