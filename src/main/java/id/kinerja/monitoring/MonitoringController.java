package id.kinerja.monitoring;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring", description = "My check-ins")
class MonitoringController {

  private final CheckIns checkIns;
  private final Organisation organisation;
  private final BerAkhlak berAkhlak;

  MonitoringController(CheckIns checkIns, Organisation organisation, BerAkhlak berAkhlak) {
    this.checkIns = checkIns;
    this.organisation = organisation;
    this.berAkhlak = berAkhlak;
  }

  @GetMapping(path = "/api/my/checkins", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "My monthly check-ins with the rater's feedback and any gap found",
      description =
          "Newest first; each quantitative indicator with its realisasi, its target to date"
              + " (targetToDate: pro rata to the months of the post elapsed) and capaian (percent"
              + " of that target); each qualitative one (tipe KUALITATIF) with its narrative and"
              + " counted false: not part of the numeric capaian. The feedback on the results and per BerAKHLAK value (named in the"
              + " caller's language).")
  List<Map<String, Object>> myCheckIns(Authentication auth, Locale locale) {
    return organisation
        .byUsername(auth.getName())
        .map(e -> checkIns.ofEmployee(e.nip()))
        .orElse(List.of())
        .stream()
        .map(c -> named(c, locale))
        .toList();
  }

  /** The per-value feedback with each value's name. */
  @SuppressWarnings("unchecked") // rows read from JSON objects
  private Map<String, Object> named(Map<String, Object> checkIn, Locale locale) {
    var named = new LinkedHashMap<String, Object>(checkIn);
    named.put(
        "feedbackPerValue",
        ((List<?>) checkIn.get("feedbackPerValue"))
            .stream()
                .filter(v -> v instanceof Map<?, ?> m && m.get("nilai") != null)
                .map(
                    v -> {
                      var row = new LinkedHashMap<String, Object>((Map<String, Object>) v);
                      row.put("name", berAkhlak.name(String.valueOf(row.get("nilai")), locale));
                      return row;
                    })
                .toList());
    return named;
  }
}
