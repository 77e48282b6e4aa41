package id.kinerja.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox engine's clock, which the demo may move forward. The sandbox keeps its offset for as
 * long as it runs; a new sandbox starts at real time.
 */
class SandboxClock implements EngineClock {

  private final SandboxProcess sandbox;

  SandboxClock(SandboxProcess sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public Instant now() {
    return Instant.now().plus(sandbox.status().offset());
  }

  @Override
  public boolean canAdvance() {
    return true;
  }

  @Override
  public Instant advance(Duration duration) {
    sandbox.advance(duration);
    return now();
  }
}
