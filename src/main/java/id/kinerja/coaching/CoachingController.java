package id.kinerja.coaching;

import id.kinerja.coaching.CoachingRecords.Assignment;
import id.kinerja.coaching.CoachingRecords.Session;
import id.kinerja.identity.KinerjaUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/coaching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Coaching",
    description = "Pembinaan: coaching and counselling assignments and sessions")
class CoachingController {

  private final CoachingRecords records;
  private final ImprovementPeriods improvementPeriods;

  CoachingController(CoachingRecords records, ImprovementPeriods improvementPeriods) {
    this.records = records;
    this.improvementPeriods = improvementPeriods;
  }

  record AssignmentView(Assignment assignment, List<Session> sessions) {}

  @GetMapping("/mine")
  @Operation(summary = "The signed-in employee's coaching assignments with their sessions")
  List<AssignmentView> mine(@AuthenticationPrincipal KinerjaUser user) {
    if (user.employeeNip() == null) {
      return List.of();
    }
    return views(records.ofEmployee(user.employeeNip()));
  }

  @GetMapping("/improvement/mine")
  @Operation(
      summary = "The signed-in employee's improvement periods (masa perbaikan), newest first")
  List<ImprovementPeriods.Period> myImprovementPeriods(@AuthenticationPrincipal KinerjaUser user) {
    if (user.employeeNip() == null) {
      return List.of();
    }
    return improvementPeriods.ofEmployee(user.employeeNip());
  }

  @GetMapping("/assigned-to-me")
  @Operation(summary = "The coaching the signed-in person gives as coach or counsellor")
  List<AssignmentView> assignedToMe(@AuthenticationPrincipal KinerjaUser user) {
    return views(records.ofCoach(user.username()));
  }

  private List<AssignmentView> views(List<Assignment> assignments) {
    return assignments.stream().map(a -> new AssignmentView(a, records.sessions(a.id()))).toList();
  }
}
