package id.kinerja.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Labels", description = "Words for the codes in the caller's language")
class LabelController {

  private final Labels labels;

  LabelController(Labels labels) {
    this.labels = labels;
  }

  @GetMapping(path = "/api/labels", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The words for predikat, ratings, statuses, periods and groups",
      description = "Per kind (predikat, rating, period, skpStatus, ...) each code with its word.")
  Map<String, Map<String, String>> labels(Locale locale) {
    return labels.all(locale);
  }
}
