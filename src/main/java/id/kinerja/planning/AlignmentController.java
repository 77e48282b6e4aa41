package id.kinerja.planning;

import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords.Skp;
import id.kinerja.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cascading as a team and as an employee: the rater's whole team against the rater's RHKs, and the
 * employee's approved SKPs that support RHKs their rater's SKP does not have, to align again.
 */
@RestController
@Tag(name = "SKP", description = "My SKPs and my team's")
class AlignmentController {

  private final Cascading cascading;
  private final SkpAlignment alignment;
  private final SkpRecords skps;
  private final Organisation organisation;
  private final AgencyTime time;

  AlignmentController(
      Cascading cascading,
      SkpAlignment alignment,
      SkpRecords skps,
      Organisation organisation,
      AgencyTime time) {
    this.cascading = cascading;
    this.alignment = alignment;
    this.skps = skps;
    this.organisation = organisation;
    this.time = time;
  }

  record Supporter(String nip, String name) {}

  record RhkSupport(String rhk, List<Supporter> supporters) {}

  /**
   * One person of the team: their SKP of the year (null status: none yet), the superior RHKs it
   * supports that are none of the rater's, and since when it waits to be aligned.
   */
  record Member(
      String nip,
      String name,
      String skpStatus,
      List<String> unsupported,
      boolean freeText,
      Instant flaggedAt) {}

  record TeamAlignment(
      int year,
      boolean raterHasApprovedSkp,
      List<RhkSupport> rhk,
      List<String> nobodySupports,
      List<Member> people) {}

  /** An approved SKP of mine to align again: what it supports and what my rater's SKP offers. */
  record ToAlign(
      long skpId,
      int periodYear,
      List<String> results,
      List<String> supported,
      List<String> unsupported,
      List<String> offered,
      Instant flaggedAt) {}

  record Choices(
      @NotNull @Size(min = 1, max = 100) List<@NotNull @Size(max = 1000) String> rhkAtasan) {}

  @GetMapping(path = "/api/team/alignment", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(
      summary = "My team's SKPs against my RHKs: who supports which, which nobody supports",
      description = "year: the performance year (default: this year in my agency's time zone).")
  TeamAlignment team(
      Authentication auth, @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
    Employee rater = organisation.byUsername(auth.getName()).orElseThrow();
    int y = year != null ? year : time.today(time.zoneOf(rater)).getYear();
    List<Cascading.Support> support = cascading.support(rater, y);
    List<String> offered = support.stream().map(Cascading.Support::rhk).toList();
    var people = new ArrayList<Member>();
    for (Employee person : organisation.subordinates(rater)) {
      Optional<Skp> skp =
          skps.ofEmployee(person.nip()).stream()
              .filter(s -> s.periodYear() == y && !"CLOSED".equals(s.status()))
              .findFirst();
      people.add(
          new Member(
              person.nip(),
              person.name(),
              skp.map(Skp::status).orElse(null),
              skp.map(s -> SkpAlignment.unsupported(s, offered)).orElse(List.of()),
              skp.map(AlignmentController::typed).orElse(false),
              skp.flatMap(s -> alignment.openFlag(s.id()))
                  .map(SkpAlignment.Flag::flaggedAt)
                  .orElse(null)));
    }
    return new TeamAlignment(
        y,
        !offered.isEmpty(),
        support.stream()
            .map(
                s ->
                    new RhkSupport(
                        s.rhk(),
                        s.supporters().stream()
                            .map(e -> new Supporter(e.nip(), e.name()))
                            .toList()))
            .toList(),
        support.stream().filter(s -> s.supporters().isEmpty()).map(Cascading.Support::rhk).toList(),
        people);
  }

  @GetMapping(path = "/api/my/alignment", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "My approved SKPs that support RHKs my rater's approved SKP does not have",
      description = "Each with its results, the RHKs it supports and what my rater's SKP offers.")
  List<ToAlign> mine(Authentication auth) {
    Optional<Employee> me = organisation.byUsername(auth.getName());
    if (me.isEmpty()) {
      return List.of();
    }
    Optional<Employee> rater = organisation.rater(me.get());
    var list = new ArrayList<ToAlign>();
    for (Skp skp : skps.ofEmployee(me.get().nip())) {
      if (!"APPROVED".equals(skp.status())) {
        continue;
      }
      List<String> offered =
          rater.map(r -> cascading.approvedRhk(r, skp.periodYear())).orElse(List.of());
      List<String> unsupported = SkpAlignment.unsupported(skp, offered);
      if (offered.isEmpty() || unsupported.isEmpty()) {
        continue;
      }
      var results = new ArrayList<String>();
      var supported = new ArrayList<String>();
      skp.content()
          .path("hasilKerja")
          .forEach(
              r -> {
                results.add(r.path("rhk").asText(""));
                supported.add(r.path("rhkAtasan").asText(""));
              });
      list.add(
          new ToAlign(
              skp.id(),
              skp.periodYear(),
              results,
              supported,
              unsupported,
              offered,
              alignment.openFlag(skp.id()).map(SkpAlignment.Flag::flaggedAt).orElse(null)));
    }
    return list;
  }

  @PutMapping(path = "/api/my/skp/{id}/alignment", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Align my approved SKP again: my rater's RHK for each of its results, in order",
      description = "Only the link to the rater's RHKs changes; the rater's approval stays.")
  void align(Authentication auth, @PathVariable long id, @Valid @RequestBody Choices choices) {
    Employee me =
        organisation
            .byUsername(auth.getName())
            .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "planning.alignment.unknownSkp"));
    alignment.align(me, id, choices.rhkAtasan(), auth.getName());
  }

  private static boolean typed(Skp skp) {
    for (var result : skp.content().path("hasilKerja")) {
      if (result.path("rhkAtasanFreeText").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }
}
