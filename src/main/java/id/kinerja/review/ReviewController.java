package id.kinerja.review;

import id.kinerja.engine.Engine;
import id.kinerja.identity.Role;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reviews", description = "Unit reviews and evaluation results")
class ReviewController {

  private final Evaluations evaluations;
  private final UnitReviews unitReviews;
  private final Organisation organisation;
  private final Engine engine;
  private final AgencyScope scope;
  private final AgencyTime time;

  ReviewController(
      Evaluations evaluations,
      UnitReviews unitReviews,
      Organisation organisation,
      Engine engine,
      AgencyScope scope,
      AgencyTime time) {
    this.scope = scope;
    this.time = time;
    this.evaluations = evaluations;
    this.unitReviews = unitReviews;
    this.organisation = organisation;
    this.engine = engine;
  }

  record StartRequest(
      @NotBlank String unitCode,
      @Min(2000) @Max(2100) int year,
      @Pattern(regexp = "Q1|Q2|Q3|Q4|ANNUAL") String period) {}

  record Started(long unitReviewId, long processInstanceKey) {}

  @PostMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENGELOLA_KINERJA')")
  @Operation(summary = "Start the review of a unit for a period (quarterly or annual)")
  Started start(@Valid @RequestBody StartRequest request, Authentication auth) {
    scope.require(auth, request.unitCode());
    String period = request.period() == null ? "ANNUAL" : request.period();
    UnitReviews.Opened opened =
        unitReviews.open(request.unitCode(), request.year(), period, auth.getName());
    long instance;
    try {
      instance =
          engine.startProcess(
              "unit-review",
              Map.of(
                  "unitReviewId",
                  opened.unitReviewId(),
                  "unitCode",
                  request.unitCode(),
                  "periodYear",
                  request.year(),
                  "period",
                  period,
                  "unitHeadUsername",
                  opened.unitHeadUsername(),
                  AgencyTime.OFFSET_VARIABLE,
                  time.offset(time.zoneOfUnit(request.unitCode()))));
    } catch (RuntimeException engineAway) {
      unitReviews.release(opened.unitReviewId()); // nothing half-started blocks the next attempt
      throw engineAway;
    }
    unitReviews.attachProcess(opened.unitReviewId(), instance);
    return new Started(opened.unitReviewId(), instance);
  }

  @GetMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary =
          "The calibration board of a year: per unit review the distribution (a list of predikat and"
              + " count), the curve violations (a list, each with its message in Indonesian and"
              + " English) and the justification")
  List<Map<String, Object>> board(@RequestParam int year, Authentication auth) {
    return scope.filter(auth, evaluations.board(year), row -> (String) row.get("unitCode"));
  }

  @GetMapping(
      path = "/api/employees/{nip}/evaluations",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "An employee's evaluation results, newest first",
      description =
          "For the employee, their rater and the rater's superior, the Pengelola Kinerja and admins.")
  List<Evaluations.Evaluation> ofEmployee(@PathVariable String nip, Authentication auth) {
    List<Evaluations.Evaluation> results = evaluations.ofEmployee(nip);
    // the employee, rater and rater's superior as the tree says now, or as the evaluation recorded
    boolean concerned =
        organisation.byNip(nip).map(e -> organisation.concerns(e, auth.getName())).orElse(false)
            || results.stream()
                .anyMatch(
                    e ->
                        auth.getName().equals(e.raterUsername())
                            || auth.getName().equals(e.deciderUsername()));
    if (!Role.isOfficer(auth) && !concerned) {
      throw new Refusal(HttpStatus.FORBIDDEN, "evaluation.error.forbidden", nip);
    }
    boolean own =
        organisation.byNip(nip).map(e -> auth.getName().equals(e.username())).orElse(false);
    // the employee learns a result once it is delivered, not while the rater may still change it
    return own
        ? results.stream().map(Evaluations.Evaluation::asTheEmployeeSeesIt).toList()
        : results;
  }
}
