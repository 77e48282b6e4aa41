package id.kinerja.support;

import id.kinerja.sandbox.RocksDbState;
import id.kinerja.sandbox.ThreadSafeLog;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * The real Zeebe 8.8 engine, its log in memory and its state in RocksDB as in the sandbox, with a
 * gRPC gateway on a free port: one per test JVM (see {@link ContextEngine} for why), for tests with
 * and without a Spring context.
 */
public final class InMemoryEngine {

  private static ZeebeTestEngine engine;
  private static Duration advanced = Duration.ZERO;

  private InMemoryEngine() {}

  public static synchronized ZeebeTestEngine get() {
    if (engine == null) {
      engine = EngineFactory.create();
      ThreadSafeLog.install(engine); // the suite's workers read its log from many threads
      // the sandbox's state store: the in-memory one slows every command as the suite's state grows
      RocksDbState.install(engine)
          .ifPresent(
              state ->
                  Runtime.getRuntime()
                      .addShutdownHook(new Thread(() -> RocksDbState.delete(state))));
      engine.start();
    }
    return engine;
  }

  public static String gatewayAddress() {
    return "http://" + get().getGatewayAddress();
  }

  /** The engine's clock: ahead of the wall clock by what tests advanced it. */
  public static synchronized Instant now() {
    return Instant.now().plus(advanced);
  }

  /** How far tests moved the engine clock ahead of the wall clock. */
  public static synchronized Duration advanced() {
    return advanced;
  }

  /** Moves the engine clock forward (timers fire) and waits a moment for the engine to settle. */
  public static synchronized void advance(Duration duration) {
    get().increaseTime(duration);
    advanced = advanced.plus(duration);
    try {
      get().waitForIdleState(Duration.ofSeconds(5));
    } catch (TimeoutException busy) {
      // workers keep it busy; tests await the outcome they expect
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
