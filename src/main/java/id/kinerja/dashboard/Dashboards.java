package id.kinerja.dashboard;

import id.kinerja.access.RecordAccess;
import id.kinerja.dashboard.Chart.Series;
import id.kinerja.dashboard.DashboardQueries.CheckInTask;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import id.kinerja.review.CapaianCalculator;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Evaluations.UnitReview;
import id.kinerja.review.Indicator;
import id.kinerja.review.Predikat;
import id.kinerja.review.Rating;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** The charts of each role's dashboard, each from the records as they stand. */
@Service
class Dashboards {

  static final List<String> SKP_STATUSES =
      List.of("NONE", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "CLOSED");
  static final List<String> APPEAL_STATUSES = List.of("OPEN", "UPHELD", "CHANGED", "REJECTED");

  private final DashboardQueries queries;
  private final Organisation organisation;
  private final RecordAccess access;
  private final EngineClock clock;
  private final AgencyTime time;
  private final MessageSource messages;
  private final Evaluations evaluations;
  private final CalibrationBoard calibration;
  private final CapaianCalculator calculator = new CapaianCalculator();

  Dashboards(
      DashboardQueries queries,
      Organisation organisation,
      RecordAccess access,
      EngineClock clock,
      AgencyTime time,
      MessageSource messages,
      Evaluations evaluations,
      CalibrationBoard calibration) {
    this.queries = queries;
    this.organisation = organisation;
    this.access = access;
    this.clock = clock;
    this.time = time;
    this.messages = messages;
    this.evaluations = evaluations;
    this.calibration = calibration;
  }

  int year(Integer year) {
    return year == null ? clock.today(time.defaultZone()).getYear() : year;
  }

  // --- the rater's team

  private List<Employee> team(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(organisation::subordinates)
        .orElse(List.of());
  }

  Chart teamSkpStatus(Authentication auth, int year, Locale locale) {
    List<Employee> team = team(auth);
    Map<String, String> statuses =
        queries.skpStatus(team.stream().map(Employee::nip).toList(), year);
    var counts = new ArrayList<Integer>();
    for (String status : SKP_STATUSES) {
      counts.add(
          (int)
              team.stream()
                  .filter(e -> status.equals(statuses.getOrDefault(e.nip(), "NONE")))
                  .count());
    }
    var people = new LinkedHashMap<String, String>();
    team.forEach(e -> people.put(e.name(), statuses.getOrDefault(e.nip(), "NONE")));
    return new Chart(
        SKP_STATUSES.stream().map(s -> label("dashboard.skpStatus." + s, locale)).toList(),
        List.of(new Series("employees", label("dashboard.series.employees", locale), counts)),
        Map.of("year", year, "people", people));
  }

  Chart teamCheckIns(Authentication auth, int year, Locale locale) {
    List<CheckInTask> tasks =
        queries.checkIns(team(auth).stream().map(Employee::nip).toList(), year);
    var onTime = new ArrayList<Integer>();
    var late = new ArrayList<Integer>();
    var missing = new ArrayList<Integer>();
    var now = clock.now();
    for (int month = 1; month <= 12; month++) {
      int m = month;
      var ofMonth = tasks.stream().filter(t -> t.month() == m).toList();
      onTime.add(
          (int)
              ofMonth.stream()
                  .filter(t -> "COMPLETED".equals(t.state()))
                  .filter(t -> t.due() == null || !t.ended().isAfter(t.due()))
                  .count());
      late.add(
          (int)
              ofMonth.stream()
                  .filter(t -> "COMPLETED".equals(t.state()))
                  .filter(t -> t.due() != null && t.ended().isAfter(t.due()))
                  .count());
      missing.add(
          (int)
              ofMonth.stream()
                  .filter(t -> "OPEN".equals(t.state()) && t.due() != null && t.due().isBefore(now))
                  .count());
    }
    return new Chart(
        months(locale),
        List.of(
            new Series("onTime", label("dashboard.checkIns.onTime", locale), onTime),
            new Series("late", label("dashboard.checkIns.late", locale), late),
            new Series("overdue", label("dashboard.checkIns.overdue", locale), missing)),
        Map.of("year", year));
  }

  /**
   * Capaian per person at their latest check-in against the pro-rata target (annual target x months
   * / 12; a lower-is-better target is a ceiling all year): the mean over their indicators.
   */
  Chart teamCapaian(Authentication auth, int year, Locale locale) {
    var names = new ArrayList<String>();
    var capaian = new ArrayList<BigDecimal>();
    var target = new ArrayList<Integer>();
    var months = new HashMap<String, Integer>();
    for (Employee e : team(auth)) {
      names.add(e.name());
      target.add(100);
      Optional<DashboardQueries.LatestCheckIn> latest = queries.latestCheckIn(e.nip(), year);
      capaian.add(latest.map(c -> mean(c.items(), c.month())).orElse(null));
      latest.ifPresent(c -> months.put(e.name(), c.month()));
    }
    return new Chart(
        names,
        List.of(
            new Series("capaian", label("dashboard.capaian.capaian", locale), capaian),
            new Series("target", label("dashboard.capaian.target", locale), target)),
        Map.of("year", year, "months", months));
  }

  private BigDecimal mean(List<Map<String, Object>> items, int month) {
    var values = new ArrayList<BigDecimal>();
    for (Map<String, Object> item : items) {
      if (!(item.get("target") instanceof Number t)
          || !(item.get("realisasi") instanceof Number r)) {
        continue;
      }
      boolean lower = Boolean.TRUE.equals(item.get("lowerIsBetter"));
      BigDecimal annual = new BigDecimal(t.toString());
      BigDecimal planned = CapaianCalculator.proRataTarget(annual, month, lower);
      var c =
          calculator.capaian(
              new Indicator(Indicator.Jenis.UTAMA, planned, new BigDecimal(r.toString()), lower));
      if (c.persen() != null) {
        values.add(c.persen());
      }
    }
    return values.isEmpty()
        ? null
        : values.stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
  }

  // --- the Pengelola Kinerja's agency

  /** The agency an officer's dashboards cover (null: every agency, for admins). */
  private String agency(Authentication auth) {
    if (access.coversEveryAgency(auth)) {
      return null;
    }
    // a Pengelola Kinerja who is nobody's colleague (no employee record) sees no agency
    return access.officerAgency(auth).orElse(NO_AGENCY);
  }

  /** A unit code no unit has. */
  private static final String NO_AGENCY = "";

  Chart agencyStages(Authentication auth, int year, String period, Locale locale) {
    var rows = queries.stages(agency(auth), year, period, clock.now());
    var drafted = new ArrayList<BigDecimal>();
    var approved = new ArrayList<BigDecimal>();
    var checkIns = new ArrayList<BigDecimal>();
    var rated = new ArrayList<BigDecimal>();
    var delivered = new ArrayList<BigDecimal>();
    for (var r : rows) {
      drafted.add(percent(r.skpDrafted(), r.employees()));
      approved.add(percent(r.skpApproved(), r.employees()));
      checkIns.add(percent(r.checkInsDone(), r.checkInsDue()));
      rated.add(percent(r.rated(), r.employees()));
      delivered.add(percent(r.delivered(), r.employees()));
    }
    return new Chart(
        rows.stream().map(DashboardQueries.UnitStages::unitName).toList(),
        List.of(
            new Series("skpDrafted", label("dashboard.stages.skpDrafted", locale), drafted),
            new Series("skpApproved", label("dashboard.stages.skpApproved", locale), approved),
            new Series("checkIns", label("dashboard.stages.checkIns", locale), checkIns),
            new Series("rated", label("dashboard.stages.rated", locale), rated),
            new Series("delivered", label("dashboard.stages.delivered", locale), delivered)),
        Map.of("year", year, "period", period, "units", rows));
  }

  Chart agencyOverdue(Authentication auth, Locale locale) {
    var rows = queries.overdueAndEscalated(agency(auth), clock.now());
    return new Chart(
        rows.stream().map(DashboardQueries.StepLoad::step).toList(),
        List.of(
            new Series(
                "overdue",
                label("dashboard.overdue.overdue", locale),
                rows.stream().map(DashboardQueries.StepLoad::overdue).toList()),
            new Series(
                "escalated",
                label("dashboard.overdue.escalated", locale),
                rows.stream().map(DashboardQueries.StepLoad::escalated).toList())),
        Map.of());
  }

  Chart agencyAppeals(Authentication auth, int year, Locale locale) {
    Map<String, Integer> counts = queries.appeals(agency(auth), year);
    return new Chart(
        APPEAL_STATUSES.stream().map(s -> label("document.appealStatus." + s, locale)).toList(),
        List.of(
            new Series(
                "appeals",
                label("dashboard.series.appeals", locale),
                APPEAL_STATUSES.stream().map(s -> counts.getOrDefault(s, 0)).toList())),
        Map.of("year", year));
  }

  Chart agencyCoachingLoad(Authentication auth, Locale locale) {
    var rows = queries.coachingLoad(agency(auth));
    return new Chart(
        rows.stream().map(DashboardQueries.CoachLoad::name).toList(),
        List.of(
            new Series(
                "open",
                label("dashboard.coaching.open", locale),
                rows.stream().map(DashboardQueries.CoachLoad::open).toList()),
            new Series(
                "closed",
                label("dashboard.coaching.closed", locale),
                rows.stream().map(DashboardQueries.CoachLoad::closed).toList()),
            new Series(
                "capacity",
                label("dashboard.coaching.capacity", locale),
                rows.stream().map(DashboardQueries.CoachLoad::capacity).toList())),
        Map.of());
  }

  List<CalibrationBoard.Board> calibration(Authentication auth, int year, Locale locale) {
    return queries.reviews(agency(auth), year).stream()
        .map(id -> calibration.of(evaluations.review(id).orElseThrow(), List.of(), locale))
        .toList();
  }

  CalibrationBoard.Board whatIf(
      Authentication auth, long reviewId, List<CalibrationBoard.Change> changes, Locale locale) {
    agency(auth);
    UnitReview review =
        evaluations
            .review(reviewId)
            .filter(r -> access.covers(auth, r.unitCode()))
            .orElseThrow(
                () ->
                    new Refusal(
                        HttpStatus.NOT_FOUND,
                        "dashboard.error.unknownReview",
                        String.valueOf(reviewId)));
    changes.forEach(Dashboards::requireKnown);
    return calibration.of(review, changes, locale);
  }

  /** A change names its evaluation and ratings the predikat decision knows (or none). */
  private static void requireKnown(CalibrationBoard.Change change) {
    if (change == null) {
      throw new Refusal(HttpStatus.BAD_REQUEST, "dashboard.error.emptyChange");
    }
    for (String rating : new String[] {change.ratingHasilKerja(), change.ratingPerilaku()}) {
      if (rating != null
          && Arrays.stream(Rating.values()).noneMatch(r -> r.name().equals(rating))) {
        throw new Refusal(
            HttpStatus.BAD_REQUEST,
            "dashboard.error.rating",
            String.valueOf(change.evaluationId()));
      }
    }
  }

  // --- the employee

  Chart myPredikat(Authentication auth, Locale locale) {
    var results =
        organisation
            .byUsername(auth.getName())
            .map(e -> queries.results(e.nip()))
            .orElse(List.of());
    var levels = new ArrayList<Integer>();
    var labels = new ArrayList<String>();
    var predikat = new ArrayList<String>();
    for (var r : results) {
      labels.add(r.year() + " " + label("document.period." + r.period(), locale));
      levels.add(Predikat.values().length - Predikat.valueOf(r.predikat()).ordinal());
      predikat.add(label("label.predikat." + r.predikat(), locale));
    }
    var scale = new LinkedHashMap<Integer, String>();
    for (Predikat p : Predikat.values()) {
      scale.put(
          Predikat.values().length - p.ordinal(), label("label.predikat." + p.name(), locale));
    }
    return new Chart(
        labels,
        List.of(new Series("level", label("dashboard.series.predikat", locale), levels)),
        Map.of("predikat", predikat, "scale", scale));
  }

  private List<String> months(Locale locale) {
    var names = new ArrayList<String>();
    for (Month m : Month.values()) {
      names.add(
          m.getDisplayName(
              TextStyle.SHORT,
              "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id")));
    }
    return names;
  }

  private static BigDecimal percent(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
