package id.kinerja.engine;

import java.time.Duration;
import java.time.Instant;

/** A remote engine runs on real time. */
class SystemClock implements EngineClock {

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public boolean canAdvance() {
    return false;
  }

  @Override
  public Instant advance(Duration duration) {
    throw new UnsupportedOperationException("The clock of a remote engine cannot be moved");
  }
}
