package id.kinerja.demo;

import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
  private final AgencyTime time;

  ClockController(EngineClock clock, AgencyTime time) {
    this.clock = clock;
    this.time = time;
  }

  /** Now, and today where the caller's agency works (its time zone). */
  record ClockView(Instant now, LocalDate today, String zone, boolean canAdvance) {}

  /** Forward only: the engine's time never goes back (its timers have fired). */
  record AdvanceRequest(int days, int hours) {}

  @GetMapping(path = "/api/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Now and today for the application and the engine")
  ClockView clock(Principal principal) {
    return view(principal);
  }

  @PostMapping(path = "/api/demo/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Move the demo engine's clock forward by days (and hours); due timers fire",
      description =
          "Only with the embedded engine and its controlled clock; refused (403) otherwise.")
  ClockView advance(@RequestBody AdvanceRequest request, Principal principal) {
    if (!clock.canAdvance()) {
      throw new ClockNotMovable();
    }
    if (request.days() < 0 || request.hours() < 0) {
      throw new Refusal(HttpStatus.BAD_REQUEST, "demo.clock.backwards");
    }
    if (request.days() > 400 || request.hours() > 23 || request.days() + request.hours() == 0) {
      throw new Refusal(HttpStatus.BAD_REQUEST, "demo.clock.range");
    }
    clock.advance(Duration.ofDays(request.days()).plusHours(request.hours()));
    return view(principal);
  }

  private ClockView view(Principal principal) {
    ZoneId zone = principal == null ? time.defaultZone() : time.zoneOfUser(principal.getName());
    return new ClockView(clock.now(), clock.today(zone), zone.getId(), clock.canAdvance());
  }

  static class ClockNotMovable extends Refusal {
    ClockNotMovable() {
      super(HttpStatus.FORBIDDEN, "demo.clock.notMovable");
    }
  }
}
