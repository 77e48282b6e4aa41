package id.kinerja.demo;

import id.kinerja.engine.EngineClock;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine's clock, and moving it forward in the embedded demo so that a person can walk the demo
 * organisation through a whole year in minutes, every timer firing as it would.
 */
@RestController
@Tag(name = "Clock", description = "Today as the engine sees it; moving it in the demo")
class ClockController {

  private final EngineClock clock;

  ClockController(EngineClock clock) {
    this.clock = clock;
  }

  record ClockView(Instant now, LocalDate today, boolean canAdvance) {}

  record AdvanceRequest(@Min(0) @Max(400) int days, @Min(0) @Max(23) int hours) {}

  @GetMapping(path = "/api/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Now and today for the application and the engine")
  ClockView clock() {
    return view();
  }

  @PostMapping(path = "/api/demo/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Move the demo engine's clock forward by days (and hours); due timers fire",
      description =
          "Only with the embedded engine and its controlled clock; refused (403) otherwise.")
  ClockView advance(@Valid @RequestBody AdvanceRequest request) {
    if (!clock.canAdvance()) {
      throw new ClockNotMovable();
    }
    clock.advance(Duration.ofDays(request.days()).plusHours(request.hours()));
    return view();
  }

  private ClockView view() {
    return new ClockView(clock.now(), clock.today(), clock.canAdvance());
  }

  static class ClockNotMovable extends Refusal {
    ClockNotMovable() {
      super(HttpStatus.FORBIDDEN, "demo.clock.notMovable");
    }
  }
}
