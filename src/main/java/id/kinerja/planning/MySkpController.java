package id.kinerja.planning;

import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.tasklist.TaskQuery;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SKP", description = "My SKPs and my team's")
class MySkpController {

  private final SkpRecords skps;
  private final Organisation organisation;
  private final TaskStore tasks;
  private final EngineClock clock;

  MySkpController(SkpRecords skps, Organisation organisation, TaskStore tasks, EngineClock clock) {
    this.clock = clock;
    this.skps = skps;
    this.organisation = organisation;
    this.tasks = tasks;
  }

  record SkpView(SkpRecords.Skp skp, List<SkpRecords.Round> rounds) {}

  record TeamMember(
      String nip,
      String name,
      String position,
      String username,
      String skpStatus,
      Integer skpYear,
      long openTasks,
      long overdueTasks) {}

  @GetMapping(path = "/api/my/skp", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My SKPs, current and past years, with every drafting and review round")
  List<SkpView> mySkp(Authentication auth) {
    return organisation
        .byUsername(auth.getName())
        .map(e -> skps.ofEmployee(e.nip()))
        .orElse(List.of())
        .stream()
        .map(skp -> new SkpView(skp, skps.rounds(skp.id())))
        .toList();
  }

  @GetMapping(path = "/api/team", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(summary = "The people I rate: their latest SKP and their open and overdue tasks")
  List<TeamMember> team(Authentication auth) {
    Employee rater = organisation.byUsername(auth.getName()).orElseThrow();
    return organisation.subordinates(rater).stream()
        .map(
            e -> {
              var latest = skps.ofEmployee(e.nip()).stream().findFirst();
              Viewer asEmployee = new Viewer(String.valueOf(e.username()), List.of());
              long open =
                  tasks
                      .search(
                          new TaskQuery(TaskQuery.View.MINE, null, null, null, null, null, 0, 1),
                          asEmployee)
                      .total();
              long overdue =
                  tasks
                      .search(
                          new TaskQuery(
                              TaskQuery.View.MINE, null, null, null, clock.now(), null, 0, 1),
                          asEmployee)
                      .total();
              return new TeamMember(
                  e.nip(),
                  e.name(),
                  e.position(),
                  e.username(),
                  latest.map(SkpRecords.Skp::status).orElse(null),
                  latest.map(SkpRecords.Skp::periodYear).orElse(null),
                  open,
                  overdue);
            })
        .toList();
  }
}
