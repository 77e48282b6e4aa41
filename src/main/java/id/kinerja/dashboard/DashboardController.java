package id.kinerja.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers behind every dashboard chart, one endpoint per chart. Each answers labels and series
 * (label and values per series) as the chart draws them.
 */
@RestController
@RequestMapping(path = "/api/dashboards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Dashboards",
    description = "The numbers behind the dashboard charts, one endpoint per chart")
class DashboardController {

  private static final Set<String> PERIODS = Set.of("Q1", "Q2", "Q3", "Q4", "ANNUAL");

  private final Dashboards dashboards;
  private final PublicAnswersBoard publicAnswers;

  DashboardController(Dashboards dashboards, PublicAnswersBoard publicAnswers) {
    this.dashboards = dashboards;
    this.publicAnswers = publicAnswers;
  }

  @GetMapping("/team/skp-status")
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "Rater: the team's SKP status",
      description =
          "Series employees: how many of the people I rate have their latest SKP of the year in"
              + " each status (no SKP, draft, submitted, returned, approved, closed).")
  Chart teamSkpStatus(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return dashboards.teamSkpStatus(auth, dashboards.year(year), locale);
  }

  @GetMapping("/team/check-ins")
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "Rater: the team's monthly check-ins done in time, late, and overdue",
      description =
          "Per month: onTime (completed by the due date), late (completed after it), overdue (open"
              + " past the due date). Due dates are the monitoring process's [C].")
  Chart teamCheckIns(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return dashboards.teamCheckIns(auth, dashboards.year(year), locale);
  }

  @GetMapping("/team/capaian")
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "Rater: capaian per person against the pro-rata target",
      description =
          "Series capaian: per person the mean capaian (percent) of their indicators at their"
              + " latest check-in against annual target x months / 12 (null: no check-in yet);"
              + " series target: 100 (the pro-rata target).")
  Chart teamCapaian(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return dashboards.teamCapaian(auth, dashboards.year(year), locale);
  }

  @GetMapping("/team/public-answers")
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "Rater: the public's answers on my units, per quarter and for the year",
      description =
          "For the unit I head and my people's units that the public answered about in the year"
              + " (the public feedback page): per period the number of answers, the mean per"
              + " BerAKHLAK value with its number of answers, and the latest comments. Anonymous.")
  List<PublicAnswersBoard.Unit> teamPublicAnswers(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return publicAnswers.of(auth, dashboards.year(year), locale);
  }

  @GetMapping("/agency/stages")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Pengelola Kinerja: completion per unit and stage, in percent",
      description =
          "Per unit of my agency: SKP drafted and approved (of the unit's employees), check-ins"
              + " done (of those due), results rated and delivered for the period (ANNUAL by default)."
              + " details.units holds the counts.")
  Chart agencyStages(
      @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "ANNUAL") String period,
      Authentication auth,
      Locale locale) {
    if (!PERIODS.contains(period)) {
      throw new id.kinerja.platform.Refusal(HttpStatus.BAD_REQUEST, "export.error.period", period);
    }
    return dashboards.agencyStages(auth, dashboards.year(year), period, locale);
  }

  @GetMapping("/agency/overdue")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Pengelola Kinerja: open work overdue and escalated, per step",
      description =
          "Open tasks of my agency's people and units per step: overdue (past the due date) and"
              + " escalated (offered to the Pengelola Kinerja group).")
  Chart agencyOverdue(Authentication auth, Locale locale) {
    return dashboards.agencyOverdue(auth, locale);
  }

  @GetMapping("/agency/appeals")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Pengelola Kinerja: appeals and their outcomes",
      description =
          "Appeals against the year's results in my agency: open, upheld, changed, rejected.")
  Chart agencyAppeals(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return dashboards.agencyAppeals(auth, dashboards.year(year), locale);
  }

  @GetMapping("/agency/coaching-load")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Pengelola Kinerja: coaching load per coach",
      description = "Per coach of my agency: open and closed assignments, and the capacity if set.")
  Chart agencyCoachingLoad(Authentication auth, Locale locale) {
    return dashboards.agencyCoachingLoad(auth, locale);
  }

  @GetMapping("/calibration")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary =
          "Calibration: each unit review's distribution of predikat beside its curve's limits",
      description =
          "Per unit review of the year in my agency: chart (count per predikat, atMost and atLeast"
              + " from the curve), every constraint with whether it holds, the violations named,"
              + " and the people with their ratings.")
  List<CalibrationBoard.Board> calibration(
      @RequestParam(required = false) Integer year, Authentication auth, Locale locale) {
    return dashboards.calibration(auth, dashboards.year(year), locale);
  }

  record WhatIf(List<CalibrationBoard.Change> changes) {}

  @PostMapping(
      path = "/calibration/{reviewId}/what-if",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Calibration what-if: the curve check with some ratings changed, saving nothing",
      description =
          "The predikat of a changed person comes from the predikat-kinerja decision, the curve"
              + " from kurva-distribusi. Decide in the calibration task.")
  CalibrationBoard.Board whatIf(
      @PathVariable long reviewId, @RequestBody WhatIf body, Authentication auth, Locale locale) {
    return dashboards.whatIf(
        auth,
        reviewId,
        body == null || body.changes() == null ? List.of() : body.changes(),
        locale);
  }

  @GetMapping("/me/predikat")
  @Operation(
      summary = "Employee: my predikat across periods and years",
      description =
          "Series level: 5 Sangat Baik to 1 Sangat Kurang per delivered result, oldest first;"
              + " details.predikat holds the labels.")
  Chart myPredikat(Authentication auth, Locale locale) {
    return dashboards.myPredikat(auth, locale);
  }
}
