package id.kinerja.review;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.PublicRateLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Starting 360 rounds, and the public feedback page of a service unit (no sign-in). */
@Controller
@Tag(name = "Feedback 360", description = "360-degree feedback rounds and public feedback")
class FeedbackController {

  /** At most this many public answers per client and hour: the page needs no sign-in. */
  static final int PUBLIC_LIMIT = 5;

  private final Organisation organisation;
  private final AgencyTime time;
  private final Feedback360 feedback;
  private final FeedbackRounds rounds;
  private final AgencyScope scope;
  private final PublicRateLimit rateLimit;

  FeedbackController(
      Organisation organisation,
      AgencyTime time,
      Feedback360 feedback,
      FeedbackRounds rounds,
      AgencyScope scope,
      PublicRateLimit rateLimit) {
    this.scope = scope;
    this.rateLimit = rateLimit;
    this.organisation = organisation;
    this.time = time;
    this.feedback = feedback;
    this.rounds = rounds;
  }

  /** A unit's rounds of a period: a quarter (Q1..Q4) or, when none is named, the year. */
  record RoundRequest(
      @NotBlank String unitCode,
      @Min(2000) @Max(2100) int year,
      @Pattern(regexp = "Q1|Q2|Q3|Q4|ANNUAL") String period) {

    String periodOrYear() {
      return period == null ? "ANNUAL" : period;
    }
  }

  @PostMapping(path = "/api/feedback-rounds", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(
      summary = "Start a 360 round for every employee with a rater in a unit (and below)",
      description =
          "Once per employee and period (a quarter, or the year when none is named): employees whose round runs already (started by hand or by"
              + " the review calendar) are left alone.")
  Map<String, Object> start(@Valid @RequestBody RoundRequest request, Authentication auth) {
    scope.require(auth, request.unitCode());
    organisation
        .unit(request.unitCode())
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, request.unitCode()));
    int started = rounds.start(request.unitCode(), request.year(), request.periodOrYear());
    return Map.of("started", started);
  }

  @GetMapping("/public/feedback/{unitCode}")
  String form(@PathVariable String unitCode, Model model) {
    model.addAttribute(
        "unit",
        organisation
            .unit(unitCode)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("values", BerAkhlak.VALUES);
    return "review/public-feedback";
  }

  @PostMapping("/public/feedback/{unitCode}")
  String answer(
      @PathVariable String unitCode,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Model model) {
    var unit =
        organisation
            .unit(unitCode)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String value : BerAkhlak.VALUES) {
      try {
        int score = Integer.parseInt(form.getOrDefault(value, ""));
        if (score >= 1 && score <= 5) {
          scores.put(value, score);
        }
      } catch (NumberFormatException notAnswered) {
        // the public answers what they can judge
      }
    }
    model.addAttribute("unit", unit);
    model.addAttribute("values", BerAkhlak.VALUES);
    if (scores.isEmpty()) {
      model.addAttribute("outcome", "empty");
      return "review/public-feedback";
    }
    String comment = form.getOrDefault("comment", "").strip();
    String client = PublicRateLimit.clientHash(request);
    boolean accepted =
        rateLimit.admit("public-feedback", client, PUBLIC_LIMIT, Duration.ofHours(1));
    if (accepted) {
      feedback.recordPublic(
          unitCode,
          time.today(time.zoneOfUnit(unitCode)),
          client,
          scores,
          comment.isEmpty() ? null : comment.substring(0, Math.min(comment.length(), 2000)));
    }
    model.addAttribute("outcome", accepted ? "thanks" : "limited");
    return "review/public-feedback";
  }
}
