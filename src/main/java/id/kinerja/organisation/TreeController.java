package id.kinerja.organisation;

import id.kinerja.platform.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The tree page for the admin and the Pengelola Kinerja: each agency's units with their heads and
 * people, each person's rater and rater's superior as Kinerja derives them, and the corrections
 * (unit, move, rater override, acting officials). A Pengelola Kinerja sees and changes their own
 * agency only.
 */
@Controller
@Tag(name = "Organisation")
@PreAuthorize("hasAnyRole('ADMIN', 'PENGELOLA_KINERJA')")
class TreeController {

  private final Organisation organisation;
  private final AgencyScope scope;
  private final TreeEdits edits;
  private final ActingOfficials acting;
  private final AgencyOfficials officials;
  private final JsonBody body;

  TreeController(
      Organisation organisation,
      AgencyScope scope,
      TreeEdits edits,
      ActingOfficials acting,
      AgencyOfficials officials,
      JsonBody body) {
    this.body = body;
    this.organisation = organisation;
    this.scope = scope;
    this.edits = edits;
    this.acting = acting;
    this.officials = officials;
  }

  @GetMapping("/organisation")
  String page() {
    return "organisation/tree";
  }

  record Person(String nip, String name, String position, String username) {
    static Person of(Employee e) {
      return e == null ? null : new Person(e.nip(), e.name(), e.position(), e.username());
    }
  }

  /** derived: the tree's rater beside an override; actingOfficial: who acts for the rater today. */
  record RaterView(
      Person person, String source, String overrideReason, Person derived, Person actingOfficial) {}

  record Member(
      String nip,
      String username,
      String name,
      String position,
      String positionType,
      String grade,
      String superiorNip,
      RaterView rater,
      Person raterSuperior,
      ActingView replacedBy) {}

  record ActingView(
      long id,
      String unitCode,
      Person holder,
      Person acting,
      String kind,
      LocalDate startsOn,
      LocalDate endsOn,
      String reason) {}

  record UnitView(
      String code,
      String name,
      String parentCode,
      int depth,
      Person head,
      ActingView actingHead,
      List<Member> people) {}

  record AgencyView(String code, String name) {}

  record TreeView(
      AgencyView agency,
      List<AgencyOfficials.Official> officials,
      List<UnitView> units,
      List<ActingView> acting) {}

  @GetMapping(path = "/api/organisation/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "The agencies I look after (every agency for admins and the BKPSDM)")
  List<AgencyView> agencies(Authentication auth) {
    return scope.filter(auth, organisation.agencies(), OrgUnit::code).stream()
        .map(a -> new AgencyView(a.code(), a.name()))
        .toList();
  }

  @GetMapping(path = "/api/organisation/tree", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      summary = "An agency's tree: units, heads, people, raters and raters' superiors as derived",
      description =
          "Beside each derived rater: the override and its reason, or the acting official (Plt/Plh).")
  TreeView tree(@RequestParam String agency, Authentication auth) {
    OrgUnit root =
        organisation
            .unit(agency)
            .filter(u -> u.parentId() == null)
            .orElseThrow(() -> OrganisationRefusal.notFound("organisation.unit.unknown", agency));
    scope.require(auth, agency);
    Map<String, String> positionTypes = organisation.positionTypesIn(root.code());
    var units = new ArrayList<UnitView>();
    walk(
        organisation.tree().stream().filter(u -> u.id() == root.id()).toList(),
        null,
        0,
        units,
        positionTypes);
    return new TreeView(
        new AgencyView(root.code(), root.name()),
        officials.of(root.code()),
        units,
        organisation.actingIn(root.code()).stream().map(this::view).toList());
  }

  private void walk(
      List<OrgUnit> level,
      String parentCode,
      int depth,
      List<UnitView> into,
      Map<String, String> positionTypes) {
    for (OrgUnit unit : level) {
      List<Member> people =
          organisation.employeesOf(unit.id()).stream()
              .map(e -> member(e, positionTypes.get(e.nip())))
              .toList();
      into.add(
          new UnitView(
              unit.code(),
              unit.name(),
              parentCode,
              depth,
              Optional.ofNullable(unit.headEmployeeId())
                  .flatMap(organisation::byId)
                  .map(Person::of)
                  .orElse(null),
              organisation.actingHeadOf(unit).map(this::view).orElse(null),
              people));
      walk(unit.children(), unit.code(), depth + 1, into, positionTypes);
    }
  }

  /** The person with their rater as derived; beside an override, what the tree would say. */
  private Member member(Employee e, String positionType) {
    RaterView rater =
        organisation
            .raterOf(e)
            .map(
                r ->
                    new RaterView(
                        Person.of(r.employee()),
                        r.source().name(),
                        r.overrideReason(),
                        r.source() == Organisation.RaterSource.OVERRIDE
                            ? Person.of(organisation.treeRater(e).orElse(null))
                            : null,
                        organisation
                            .replacementOf(r.employee())
                            .map(a -> Person.of(a.acting()))
                            .orElse(null)))
            .orElse(null);
    return new Member(
        e.nip(),
        e.username(),
        e.name(),
        e.position(),
        positionType,
        e.grade(),
        e.superiorId() == null
            ? null
            : organisation.byId(e.superiorId()).map(Employee::nip).orElse(null),
        rater,
        Person.of(organisation.appealDecider(e).orElse(null)),
        organisation.replacementOf(e).map(this::view).orElse(null));
  }

  private ActingView view(Organisation.Acting a) {
    Person holder =
        a.holderId() != null
            ? organisation.byId(a.holderId()).map(Person::of).orElse(null)
            : organisation
                .unit(a.unitCode())
                .map(OrgUnit::headEmployeeId)
                .flatMap(organisation::byId)
                .map(Person::of)
                .orElse(null);
    return new ActingView(
        a.id(),
        a.unitCode(),
        holder,
        Person.of(a.acting()),
        a.kind(),
        a.startsOn(),
        a.endsOn(),
        a.reason());
  }

  @PutMapping(path = "/api/organisation/units/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      summary = "Change a unit's name, parent and head (audited)",
      description = "403/404 for a unit outside my agency or unknown, before the body is read.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TreeEdits.UnitChange.class))))
  OrgUnit editUnit(@PathVariable String code, HttpServletRequest http, Authentication auth) {
    organisation
        .unit(code)
        .orElseThrow(() -> OrganisationRefusal.notFound("organisation.unit.unknown", code));
    scope.require(auth, code);
    TreeEdits.UnitChange change = body.read(http, TreeEdits.UnitChange.class);
    if (change.parentCode() != null && !change.parentCode().isBlank()) {
      scope.require(auth, change.parentCode());
    }
    return edits.editUnit(code, change, scope.limitedTo(auth).isEmpty(), auth.getName());
  }

  @PostMapping(
      path = "/api/organisation/employees/{nip}/move",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      summary = "Move a person to another unit and/or direct superior (audited)",
      description = "403/404 for a person outside my agency or unknown, before the body is read.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TreeEdits.Move.class))))
  Person move(@PathVariable String nip, HttpServletRequest http, Authentication auth) {
    requireEmployee(auth, nip);
    TreeEdits.Move move = body.read(http, TreeEdits.Move.class);
    scope.require(auth, move.unitCode());
    return Person.of(edits.move(nip, move, auth.getName()));
  }

  record OverrideRequest(String raterNip, String reason) {}

  @PutMapping(
      path = "/api/organisation/employees/{nip}/rater-override",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Name a person's rater where the tree gets it wrong, with a reason (audited)",
      description = "403/404 for a person outside my agency or unknown, before the body is read.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = OverrideRequest.class))))
  void override(@PathVariable String nip, HttpServletRequest http, Authentication auth) {
    requireEmployee(auth, nip);
    OverrideRequest request = body.read(http, OverrideRequest.class);
    edits.overrideRater(nip, request.raterNip(), request.reason(), auth.getName());
  }

  @DeleteMapping("/api/organisation/employees/{nip}/rater-override")
  @ResponseBody
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a rater override: the tree decides again (audited)")
  void clearOverride(@PathVariable String nip, Authentication auth) {
    requireEmployee(auth, nip);
    edits.clearOverride(nip, auth.getName());
  }

  record ActingId(long id) {}

  @PostMapping(
      path = "/api/organisation/acting",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Name an acting official (Plt/Plh) for a post and a date range (audited)",
      description =
          "The post is a unit's head (unitCode) or the post someone holds (holderNip). A range that"
              + " ends before it starts, or overlaps another for the same post, is refused.")
  ActingId appoint(@RequestBody ActingOfficials.Appointment appointment, Authentication auth) {
    if (appointment.unitCode() != null && !appointment.unitCode().isBlank()) {
      scope.require(auth, appointment.unitCode());
    }
    if (appointment.holderNip() != null && !appointment.holderNip().isBlank()) {
      requireEmployee(auth, appointment.holderNip());
    }
    return new ActingId(acting.appoint(appointment, auth.getName()));
  }

  @PostMapping("/api/organisation/acting/{id}/end")
  @ResponseBody
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "End an acting appointment today (audited)")
  void endActing(@PathVariable long id, Authentication auth) {
    scope.require(auth, acting.unitCodeOf(id));
    acting.end(id, auth.getName());
  }

  record OfficialRequest(
      @NotBlank String username, @NotBlank String name, @NotBlank String position) {}

  @PutMapping(
      path = "/api/organisation/agencies/{code}/officials/{kind}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasAnyRole('ADMIN', 'PENGELOLA_BKPSDM')")
  @Operation(
      summary =
          "Name the official who rates (RATER) or decides the appeals of (APPEAL_DECIDER) an agency's head",
      description =
          "For example the Sekretaris Daerah and the Kepala Daerah; the account must exist.")
  AgencyOfficials.Official setOfficial(
      @PathVariable String code,
      @PathVariable String kind,
      @Valid @RequestBody OfficialRequest request,
      Authentication auth) {
    return officials.set(
        new AgencyOfficials.Official(
            code, kind, request.username(), request.name(), request.position()),
        auth.getName());
  }

  private void requireEmployee(Authentication auth, String nip) {
    scope.requireEmployee(
        auth,
        organisation
            .byNip(nip)
            .orElseThrow(() -> OrganisationRefusal.notFound("organisation.employee.unknown", nip)));
  }
}
