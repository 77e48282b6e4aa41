package id.kinerja.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The engine's notion of now. The application's own "today" (deadlines shown, appeal windows)
 * follows it, so that a demo moved forward in time stays consistent with the engine's timers.
 */
public interface EngineClock {

  Instant now();

  /** Today where the agency works (its zone: organisation.AgencyTime). */
  default LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(now(), zone);
  }

  /** Whether {@link #advance} is allowed (only for a controlled, embedded demo engine). */
  boolean canAdvance();

  /**
   * Moves the clock forward; due timers fire.
   *
   * @return the new now
   * @throws UnsupportedOperationException when this clock cannot be moved
   */
  Instant advance(Duration duration);
}
