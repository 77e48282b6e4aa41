package id.kinerja.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * The real Zeebe 8.8 engine, in memory, for tests without a Spring context (decision tables, small
 * processes). Spring tests use their context's own {@link ContextEngine}.
 */
public final class InMemoryEngine {

  private static ZeebeTestEngine engine;
  private static Duration advanced = Duration.ZERO;

  private InMemoryEngine() {}

  public static synchronized ZeebeTestEngine get() {
    if (engine == null) {
      engine = EngineFactory.create();
      engine.start();
    }
    return engine;
  }

  public static String gatewayAddress() {
    return "http://" + get().getGatewayAddress();
  }

  /** Moves the engine clock forward (timers fire) and waits until the engine is idle again. */
  public static synchronized void advance(Duration duration) {
    get().increaseTime(duration);
    advanced = advanced.plus(duration);
    awaitIdle();
  }

  /** The engine's clock: it runs ahead of the wall clock by what tests advanced it. */
  public static synchronized Instant now() {
    return Instant.now().plus(advanced);
  }

  public static void awaitIdle() {
    try {
      get().waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The in-memory engine did not become idle", e);
    }
  }
}
