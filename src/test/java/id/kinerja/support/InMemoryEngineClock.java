package id.kinerja.support;

import id.kinerja.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;

/** The application's clock in tests: the context's in-memory engine's, which tests may move. */
class InMemoryEngineClock implements EngineClock {

  private final ContextEngine engine;

  InMemoryEngineClock(ContextEngine engine) {
    this.engine = engine;
  }

  @Override
  public Instant now() {
    return engine.now();
  }

  @Override
  public boolean canAdvance() {
    return true;
  }

  @Override
  public Instant advance(Duration duration) {
    engine.advance(duration);
    return now();
  }
}
