package id.kinerja.review;

import id.kinerja.organisation.AgencyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reviews")
class FollowUpController {

  private final FollowUp followUp;
  private final AgencyScope scope;

  FollowUpController(FollowUp followUp, AgencyScope scope) {
    this.followUp = followUp;
    this.scope = scope;
  }

  @GetMapping(path = "/api/follow-up", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  @Operation(
      summary = "Follow-up of a year's annual results (tindak lanjut)",
      description =
          "Sangat Baik (recognition, talent pool); below Baik with the state of the improvement"
              + " period; eligible for promotion (at least Baik in this year and the year before).")
  FollowUp.Board board(@RequestParam int year, Authentication auth) {
    FollowUp.Board board = followUp.of(year);
    return new FollowUp.Board( // a Pengelola Kinerja sees the lists of their own agency
        year,
        scope.filterByNip(auth, board.talentPool(), FollowUp.Entry::nip),
        scope.filterByNip(auth, board.belowBaik(), FollowUp.Entry::nip),
        scope.filterByNip(auth, board.promotionEligible(), FollowUp.Entry::nip));
  }
}
