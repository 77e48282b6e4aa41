package id.kinerja.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Kinerja's sandbox engine: the Zeebe 8.8 workflow engine of Camunda's testing library
 * (zeebe-process-test-engine), with its gRPC gateway on a port, in a JVM of its own: its log in
 * memory, its state in RocksDB as on Camunda 8's brokers ({@link RocksDbState}). It is for trying
 * Kinerja and for tests: it keeps nothing across its own restarts. Production runs on a Camunda 8
 * cluster.
 *
 * <p>A small control API on 127.0.0.1 lets the application tell this engine apart from another one
 * (a new id at every start) and move its clock:
 *
 * <ul>
 *   <li>{@code GET /engine}: name, id, start time, state store, clock offset, memory;
 *   <li>{@code GET /engine/incidents}: the open incidents (the sandbox has no REST API to list
 *       them);
 *   <li>{@code GET /engine/counts}: the records in its log, process instances and jobs completed,
 *       and {@code GET /engine/heap}: the heap after a full collection (for the benchmark, bench/);
 *   <li>{@code POST /engine/clock?addMillis=N}: moves the clock forward, due timers fire;
 *   <li>{@code POST /engine/stop}: stops the engine and this JVM.
 * </ul>
 *
 * <p>Usage: {@code java -cp <sandbox classpath> id.kinerja.sandbox.SandboxEngine <gateway port>
 * <control port>}. Exits with 2 when a port is taken.
 */
public final class SandboxEngine {

  /** What the control API answers as its name, so that the application knows it found one. */
  public static final String NAME = "kinerja-sandbox-engine";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZeebeTestEngine engine;
  private final int gatewayPort;
  private final String stateStore;
  private final String id = UUID.randomUUID().toString();
  private final Instant startedAt = Instant.now();
  private long offsetMillis;

  private SandboxEngine(ZeebeTestEngine engine, int gatewayPort, String stateStore) {
    this.engine = engine;
    this.gatewayPort = gatewayPort;
    this.stateStore = stateStore;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      fail(64, "usage: SandboxEngine <gateway port> <control port>");
    }
    int gatewayPort = Integer.parseInt(args[0]);
    int controlPort = Integer.parseInt(args[1]);
    requireFree(gatewayPort, "gateway");
    requireFree(controlPort, "control");

    ZeebeTestEngine engine = EngineFactory.create(gatewayPort);
    ThreadSafeLog.install(engine);
    Optional<Path> state = RocksDbState.install(engine);
    engine.start();
    var sandbox =
        new SandboxEngine(engine, gatewayPort, state.isPresent() ? "rocksdb" : "in-memory");
    HttpServer control =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 16);
    control.createContext("/engine", sandbox::handle);
    control.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  control.stop(0);
                  engine.stop();
                  state.ifPresent(RocksDbState::delete);
                }));
    System.out.printf(
        "Kinerja sandbox engine %s ready: gateway port %d, control port %d%n",
        sandbox.id, gatewayPort, controlPort);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("/engine")) {
        answer(exchange, 200, status());
      } else if (method.equals("GET") && path.equals("/engine/incidents")) {
        answer(exchange, 200, OpenIncidents.of(engine.getRecordStreamSource()));
      } else if (method.equals("GET") && path.equals("/engine/heap")) {
        answer(exchange, 200, RecordCounts.liveHeap());
      } else if (method.equals("GET") && path.equals("/engine/counts")) {
        answer(exchange, 200, RecordCounts.of(engine.getRecordStreamSource()));
      } else if (method.equals("POST") && path.equals("/engine/clock")) {
        long millis = addMillis(exchange.getRequestURI().getQuery());
        if (millis < 0) {
          answer(exchange, 400, Map.of("error", "addMillis must be a number of at least 0"));
          return;
        }
        answer(exchange, 200, advance(millis));
      } else if (method.equals("POST") && path.equals("/engine/stop")) {
        answer(exchange, 202, status());
        // after the answer has left: exiting runs the shutdown hook, which stops the engine
        Thread.ofPlatform().start(() -> System.exit(0));
      } else {
        answer(exchange, 404, Map.of("error", "no such control"));
      }
    }
  }

  private synchronized Map<String, Object> advance(long millis) {
    engine.increaseTime(Duration.ofMillis(millis));
    offsetMillis += millis;
    return status();
  }

  private synchronized Map<String, Object> status() {
    Runtime runtime = Runtime.getRuntime();
    var status = new LinkedHashMap<String, Object>();
    status.put("name", NAME);
    status.put("id", id);
    status.put("startedAt", startedAt.toString());
    status.put("gatewayPort", gatewayPort);
    status.put("stateStore", stateStore);
    status.put("offsetMillis", offsetMillis);
    status.put("now", Instant.now().plusMillis(offsetMillis).toString());
    status.put("usedMemoryBytes", runtime.totalMemory() - runtime.freeMemory());
    status.put("maxMemoryBytes", runtime.maxMemory());
    return status;
  }

  private static long addMillis(String query) {
    if (query == null || !query.startsWith("addMillis=")) {
      return -1;
    }
    try {
      return Long.parseLong(query.substring("addMillis=".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    try (InputStream ignored = exchange.getRequestBody()) {
      byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Fails with a sentence the application shows as it is, instead of a bind stack trace. */
  private static void requireFree(int port, String what) {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (BindException e) {
      fail(
          2,
          "the "
              + what
              + " port "
              + port
              + " is already in use by another program; stop it or choose another port");
    } catch (IOException e) {
      fail(2, "the " + what + " port " + port + " cannot be opened: " + e.getMessage());
    }
  }

  private static void fail(int status, String reason) {
    System.err.println("Kinerja sandbox engine: " + reason);
    System.exit(status);
  }
}
