package id.kinerja.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The sandbox engine as a child process of the application (embedded mode): started with the
 * classpath the build wrote, or taken up again when one already runs on its ports, so that a killed
 * application comes back to the same engine and the same tasks. Its control API tells which engine
 * it is (a new id at each start) and moves its clock.
 */
public class SandboxProcess implements InitializingBean, DisposableBean {

  static final String MAIN_CLASS = "id.kinerja.sandbox.SandboxEngine";
  static final String NAME = "kinerja-sandbox-engine";
  private static final Logger log = LoggerFactory.getLogger(SandboxProcess.class);
  private static final Pattern OWN_ERROR = Pattern.compile("Kinerja sandbox engine: (.*)");
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);

  private final EngineProperties.Sandbox config;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private Process process;
  private volatile Status status;

  /** What the sandbox says of itself. */
  public record Status(
      String id, Instant startedAt, Duration offset, long usedMemoryBytes, long maxMemoryBytes) {}

  public SandboxProcess(EngineProperties.Sandbox config) {
    this.config = config;
  }

  @Override
  public void afterPropertiesSet() throws InterruptedException {
    Optional<Status> running = probe();
    if (running.isPresent()) {
      status = running.get();
      log.info(
          "Using the sandbox engine already running on port {} (engine {}, started {})",
          config.gatewayPort(),
          status.id(),
          status.startedAt());
    } else {
      requireFree(config.gatewayPort(), "gateway");
      requireFree(config.controlPort(), "control");
      start();
      status = awaitReady();
      log.info(
          "Sandbox engine {} started on port {} (log in {})",
          status.id(),
          config.gatewayPort(),
          config.logFile().toAbsolutePath());
    }
    log.warn(
        "The embedded engine is a sandbox for trying Kinerja and for tests: it keeps nothing across"
            + " its own restarts. For real use set kinerja.engine.mode=remote and camunda.client.*"
            + " to a Camunda 8 cluster (see README).");
  }

  public Status status() {
    return status;
  }

  public int gatewayPort() {
    return config.gatewayPort();
  }

  /** Moves the sandbox's clock forward; due timers fire. */
  public synchronized Status advance(Duration duration) {
    status =
        status(
            send(
                HttpRequest.newBuilder(
                        control("/engine/clock?addMillis=" + Math.max(0, duration.toMillis())))
                    .POST(HttpRequest.BodyPublishers.noBody())));
    return status;
  }

  /** Asks the sandbox again what it is (for its memory, shown on /admin). */
  public Status refresh() {
    status = status(send(HttpRequest.newBuilder(control("/engine")).GET()));
    return status;
  }

  private Optional<Status> probe() {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(control("/engine")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(answer.body());
      if (answer.statusCode() == 200 && NAME.equals(body.path("name").asText())) {
        if (body.path("gatewayPort").asInt() != config.gatewayPort()) {
          throw new SandboxUnavailableException(
              "the sandbox engine on control port "
                  + config.controlPort()
                  + " serves gateway port "
                  + body.path("gatewayPort").asInt()
                  + ", not "
                  + config.gatewayPort(),
              "Give kinerja.engine.sandbox.gateway-port and control-port the values of the running"
                  + " sandbox, or stop it.");
        }
        return Optional.of(status(body));
      }
      return Optional.empty();
    } catch (IOException notOurs) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void requireFree(int port, String what) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
    } catch (IOException free) {
      return;
    }
    throw new SandboxUnavailableException(
        "the sandbox engine's "
            + what
            + " port "
            + port
            + " is already in use by another program, which is not Kinerja's sandbox engine",
        "Stop that program, or set kinerja.engine.sandbox.gateway-port and control-port to free"
            + " ports. To use a Camunda 8 cluster that listens there, set"
            + " kinerja.engine.mode=remote.");
  }

  private void start() {
    Path javaHome =
        config.javaHome() == null ? Path.of(System.getProperty("java.home")) : config.javaHome();
    int java = requireJava21(javaHome);
    if (!Files.isRegularFile(config.classpathFile())) {
      throw new SandboxUnavailableException(
          "the sandbox engine is not part of this build: "
              + config.classpathFile().toAbsolutePath()
              + " is missing",
          "Start Kinerja with `./kinerja run`, which builds the sandbox engine, or set"
              + " kinerja.engine.mode=remote to use a Camunda 8 cluster.");
    }
    var command = new ArrayList<String>();
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(config.jvmOptions());
    if (java >= 24) {
      // the engine's libraries (Agrona) still use sun.misc.Unsafe, and its state store (RocksDB)
      // loads a native library; without these, JDK 24+ warns
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-Dlogback.configurationFile=id/kinerja/sandbox/logback.xml");
    command.add("-cp");
    command.add(classpath());
    command.add(MAIN_CLASS);
    command.add(Integer.toString(config.gatewayPort()));
    command.add(Integer.toString(config.controlPort()));
    try {
      Files.createDirectories(config.logFile().toAbsolutePath().getParent());
      Files.writeString(config.logFile(), ""); // this start's lines only
      log.info("Starting the sandbox engine on port {}", config.gatewayPort());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "the sandbox engine cannot be started: " + e.getMessage(),
          "Check that " + javaHome + " is a JDK 21 or newer and that .kinerja/logs is writable.");
    }
  }

  private String classpath() {
    try {
      String jars = Files.readString(config.classpathFile()).strip();
      return config.classesDir().toAbsolutePath() + (jars.isEmpty() ? "" : ":" + jars);
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "the sandbox engine's classpath " + config.classpathFile() + " cannot be read",
          "Build again with `./kinerja run`.");
    }
  }

  /** Camunda 8.8 needs Java 21: say so, instead of a class version error in the engine's log. */
  static int requireJava21(Path javaHome) {
    int feature = javaFeatureVersion(javaHome);
    if (feature < 21) {
      throw new SandboxUnavailableException(
          "the sandbox engine needs Java 21 or newer, and "
              + javaHome
              + (feature > 0 ? " is Java " + feature : " is not a JDK"),
          "Set kinerja.engine.sandbox.java-home to a JDK 21 or newer, or leave it empty to use"
              + " the application's own.");
    }
    return feature;
  }

  private static int javaFeatureVersion(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        Matcher version = Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
        if (version.find()) {
          return Integer.parseInt(version.group(1));
        }
      }
    } catch (IOException unreadable) {
      // no release file: not a JDK we can use
    }
    return 0;
  }

  private Status awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(config.startupTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new SandboxUnavailableException(
            "the sandbox engine stopped at its start (exit code "
                + process.exitValue()
                + "): "
                + reasonInLog(),
            "See " + config.logFile().toAbsolutePath() + ".");
      }
      Optional<Status> ready = probe();
      if (ready.isPresent()) {
        return ready.get();
      }
      Thread.sleep(200); // an external process: nothing to await on but its port
    }
    process.destroyForcibly();
    throw new SandboxUnavailableException(
        "the sandbox engine was not ready within " + config.startupTimeout() + ": " + reasonInLog(),
        "See " + config.logFile().toAbsolutePath() + ".");
  }

  /** The engine's own sentence when it gave one, else the last lines of its log. */
  private String reasonInLog() {
    try {
      List<String> lines = Files.readAllLines(config.logFile());
      for (String line : lines) {
        Matcher own = OWN_ERROR.matcher(line);
        if (own.find() && !line.contains(" ready: ")) {
          return own.group(1);
        }
      }
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(its log cannot be read: " + e.getMessage() + ")";
    }
  }

  /** The sandbox's open incidents as its control port lists them (GET /engine/incidents). */
  JsonNode incidents() {
    return send(HttpRequest.newBuilder(control("/engine/incidents")).GET());
  }

  private URI control(String path) {
    return URI.create("http://127.0.0.1:" + config.controlPort() + path);
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(request.timeout(CONTROL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new EngineException(
            "The sandbox engine answered " + answer.statusCode() + ": " + answer.body(),
            false,
            null);
      }
      return json.readTree(answer.body());
    } catch (ConnectException e) {
      throw new EngineException("The sandbox engine does not run any more", false, e);
    } catch (IOException e) {
      throw new EngineException("The sandbox engine is unreachable: " + e.getMessage(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted", false, e);
    }
  }

  private static Status status(JsonNode body) {
    return new Status(
        body.path("id").asText(),
        Instant.parse(body.path("startedAt").asText()),
        Duration.ofMillis(body.path("offsetMillis").asLong()),
        body.path("usedMemoryBytes").asLong(),
        body.path("maxMemoryBytes").asLong());
  }

  @Override
  public void destroy() throws InterruptedException {
    if (!config.stopOnShutdown()) {
      return;
    }
    log.info("Stopping the sandbox engine");
    try {
      send(
          HttpRequest.newBuilder(control("/engine/stop"))
              .POST(HttpRequest.BodyPublishers.noBody()));
    } catch (EngineException alreadyGone) {
      log.debug("The sandbox engine had stopped already: {}", alreadyGone.getMessage());
    }
    if (process != null && !process.waitFor(30, TimeUnit.SECONDS)) {
      log.warn("The sandbox engine did not stop within 30 s: killing it");
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
