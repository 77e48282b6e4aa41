package id.kinerja.support;

import id.kinerja.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;

/** The application's clock in tests: the in-memory engine's, which tests may move. */
class InMemoryEngineClock implements EngineClock {

  @Override
  public Instant now() {
    return InMemoryEngine.now();
  }

  @Override
  public boolean canAdvance() {
    return true;
  }

  @Override
  public Instant advance(Duration duration) {
    InMemoryEngine.advance(duration);
    return now();
  }
}
