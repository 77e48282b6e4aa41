package id.kinerja.support;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import java.time.Duration;
import java.time.Instant;

/**
 * The in-memory Zeebe 8.8 engine as a Spring test context sees it: one engine for the whole test
 * JVM. zeebe-process-test keeps part of its gRPC response state in static fields, so two engines
 * answering at once corrupt each other's responses; and src/test/resources/spring.properties keeps
 * one Spring context alive at a time, so that no other context's workers take this context's jobs.
 * Tests inject it to move the engine clock.
 */
public final class ContextEngine {

  private static final ContextEngine SHARED = new ContextEngine();

  private ContextEngine() {}

  static ContextEngine shared() {
    return SHARED;
  }

  String gatewayAddress() {
    return InMemoryEngine.gatewayAddress();
  }

  public RecordStreamSource records() {
    return InMemoryEngine.get().getRecordStreamSource();
  }

  /** The engine's clock: ahead of the wall clock by what tests advanced it. */
  public Instant now() {
    return InMemoryEngine.now();
  }

  /** The wall-clock moment of an engine time stamp (records carry the engine's moved time). */
  public Instant wallTimeOf(long engineEpochMilli) {
    return Instant.ofEpochMilli(engineEpochMilli).minus(InMemoryEngine.advanced());
  }

  /** Moves the clock forward; due timers fire. Tests await what should follow. */
  public void advance(Duration duration) {
    InMemoryEngine.advance(duration);
  }
}
