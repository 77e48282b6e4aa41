package id.kinerja.support;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * The real Zeebe 8.8 engine in memory, one per Spring test context: contexts with different
 * settings must not pick up each other's jobs. Tests inject it to move its clock.
 */
public final class ContextEngine {

  private final ZeebeTestEngine engine = EngineFactory.create();
  private Duration advanced = Duration.ZERO;

  ContextEngine() {
    engine.start();
  }

  String gatewayAddress() {
    return "http://" + engine.getGatewayAddress();
  }

  public RecordStreamSource records() {
    return engine.getRecordStreamSource();
  }

  /** The engine's clock: ahead of the wall clock by what tests advanced it. */
  public synchronized Instant now() {
    return Instant.now().plus(advanced);
  }

  /** Moves the clock forward; due timers fire. Tests await what should follow. */
  public synchronized void advance(Duration duration) {
    engine.increaseTime(duration);
    advanced = advanced.plus(duration);
    try {
      engine.waitForIdleState(Duration.ofSeconds(5));
    } catch (TimeoutException busy) {
      // workers of the context keep it busy; the test awaits the outcome it expects
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    engine.stop();
  }
}
