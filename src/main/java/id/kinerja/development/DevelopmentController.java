package id.kinerja.development;

import id.kinerja.development.DevelopmentFollowUps.Arranged;
import id.kinerja.development.DevelopmentPlans.Plan;
import id.kinerja.development.Recognitions.Recognition;
import id.kinerja.identity.Role;
import id.kinerja.organisation.AgencyScope;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

@RestController
@RequestMapping(path = "/api/development", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Development",
    description =
        "Tindak lanjut: development plans, training and special assignments, awards and talent pool")
class DevelopmentController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  static final int MAX_TEXT = 4000;

  private final DevelopmentPlans plans;
  private final DevelopmentFollowUps followUps;
  private final Recognitions recognitions;
  private final Organisation organisation;
  private final AgencyScope scope;
  private final AgencyTime time;

  DevelopmentController(
      DevelopmentPlans plans,
      DevelopmentFollowUps followUps,
      Recognitions recognitions,
      Organisation organisation,
      AgencyScope scope,
      AgencyTime time) {
    this.plans = plans;
    this.followUps = followUps;
    this.recognitions = recognitions;
    this.organisation = organisation;
    this.scope = scope;
    this.time = time;
  }

  /** A follow-up with whether it is past its due date and whether the caller may close it. */
  record FollowUpView(Arranged followUp, boolean overdue, boolean mayRecordOutcome) {}

  record Mine(List<Plan> plans, List<FollowUpView> followUps, List<Recognition> recognitions) {}

  record Team(List<Plan> plans, List<FollowUpView> followUps) {}

  record OutcomeRequest(String outcome, String notes) {}

  record RecognitionRequest(String nip, Integer year, String kind, String title, String reason) {}

  @GetMapping("/mine")
  @Operation(
      summary = "My development plans, training and special assignments, awards and talent pool")
  Mine mine(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(
            e ->
                new Mine(
                    plans.ofEmployee(e.nip()),
                    views(followUps.ofEmployee(e.nip()), auth),
                    recognitions.ofEmployee(e.nip())))
        .orElse(new Mine(List.of(), List.of(), List.of()));
  }

  @GetMapping("/team")
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "The development plans I agree with my people, and their follow-ups",
      description = "Special assignments I arrange can be closed from here.")
  Team team(Authentication auth) {
    Employee rater = organisation.byUsername(auth.getName()).orElseThrow();
    List<String> nips = organisation.subordinates(rater).stream().map(Employee::nip).toList();
    return new Team(plans.ofRater(auth.getName()), views(followUps.ofEmployees(nips), auth));
  }

  @GetMapping("/follow-ups")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Training and special assignments: every open one, and those closed in the year",
      description = "A Pengelola Kinerja sees those of their own agency.")
  List<FollowUpView> followUps(@RequestParam int year, Authentication auth) {
    requireYear(year);
    return views(
        scope.filterByNip(auth, followUps.openOrClosedSince(year), Arranged::employeeNip), auth);
  }

  @PostMapping(path = "/follow-ups/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Record how a training or special assignment ended",
      description =
          "By its owner, or by a Pengelola Kinerja of the employee's agency or an admin. outcome:"
              + " COMPLETED or NOT_COMPLETED; notes required.")
  FollowUpView recordOutcome(
      @PathVariable long id, @RequestBody OutcomeRequest request, Authentication auth) {
    Arranged followUp =
        followUps
            .byId(id)
            .orElseThrow(() -> DevelopmentRefusal.notFound("development.error.noFollowUp"));
    if (!mayRecord(followUp, auth)) {
      throw DevelopmentRefusal.forbidden("development.error.notOwner");
    }
    DevelopmentFollowUps.Outcome outcome =
        choice(request.outcome(), DevelopmentFollowUps.Outcome.class, "development.error.outcome");
    String notes = text(request.notes(), 1, MAX_TEXT, "development.error.notes");
    return view(followUps.recordOutcome(id, outcome, notes, auth.getName()), auth);
  }

  @GetMapping("/recognitions")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(summary = "Awards and talent-pool entries of a year")
  List<Recognition> recognitions(@RequestParam int year, Authentication auth) {
    requireYear(year);
    return scope.filterByNip(auth, recognitions.ofYear(year), Recognition::employeeNip);
  }

  @PostMapping(path = "/recognitions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Record an award (penghargaan) or a talent-pool entry for a Sangat Baik result",
      description =
          "kind AWARD (title: the award) or TALENT_POOL; reason required. Only for a delivered"
              + " annual Sangat Baik of that year, once per kind and year.")
  Recognition recognise(@RequestBody RecognitionRequest request, Authentication auth) {
    if (request.year() == null) {
      throw DevelopmentRefusal.invalid(
          "development.error.year", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
    requireYear(request.year());
    String nip = request.nip() == null ? "" : request.nip().strip();
    Employee employee =
        organisation
            .byNip(nip)
            .orElseThrow(() -> DevelopmentRefusal.notFound("development.error.noEmployee"));
    scope.requireEmployee(auth, employee);
    Recognitions.Kind kind =
        choice(request.kind(), Recognitions.Kind.class, "development.error.recognitionKind");
    String title =
        kind == Recognitions.Kind.AWARD
            ? text(request.title(), 1, 200, "development.error.title")
            : null;
    String reason = text(request.reason(), 1, MAX_TEXT, "development.error.reason");
    if (!recognitions.sangatBaik(nip, request.year())) {
      throw DevelopmentRefusal.conflict(
          "development.error.notSangatBaik", String.valueOf(request.year()));
    }
    return recognitions.record(nip, request.year(), kind, title, reason, auth.getName());
  }

  private boolean mayRecord(Arranged followUp, Authentication auth) {
    if (auth.getName().equals(followUp.ownerUsername())) {
      return true;
    }
    return Role.isOfficer(auth)
        && organisation
            .byNip(followUp.employeeNip())
            .map(e -> scope.covers(auth, e.unitCode()))
            .orElse(false);
  }

  private List<FollowUpView> views(List<Arranged> list, Authentication auth) {
    return list.stream().map(f -> view(f, auth)).toList();
  }

  private FollowUpView view(Arranged f, Authentication auth) {
    LocalDate today = time.today(time.defaultZone());
    return new FollowUpView(f, f.overdue(today), f.outcome() == null && mayRecord(f, auth));
  }

  private static void requireYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw DevelopmentRefusal.invalid(
          "development.error.year", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
  }

  private static String text(String value, int min, int max, String code) {
    String text = value == null ? "" : value.strip();
    if (text.length() < min || text.length() > max) {
      throw DevelopmentRefusal.invalid(code, String.valueOf(max));
    }
    return text;
  }

  private static <E extends Enum<E>> E choice(String value, Class<E> type, String code) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DevelopmentRefusal.invalid(code);
    }
  }
}
