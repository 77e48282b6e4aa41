package id.kinerja.review;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the suggested hasil-kerja rating was computed from, in words beside it on the rating form:
 * how many quantitative Utama indicators, and that the qualitative ones are left for the rater to
 * judge from their narrative and evidence.
 */
@Component
class SuggestionBasis {

  private final MessageSource messages;

  SuggestionBasis(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @param result the capaian of the period's indicators; null when nothing was recorded yet
   */
  String of(CapaianCalculator.Result result, Locale locale) {
    if (result == null) {
      return message("review.suggestion.nothingRecorded", locale);
    }
    long counted = result.counted();
    long qualitative = result.qualitative();
    if (counted == 0) {
      return qualitative > 0
          ? message("review.suggestion.onlyQualitative", locale, qualitative)
          : message("review.suggestion.noUtama", locale);
    }
    if (result.suggestedRating().isEmpty()) {
      return message("review.suggestion.incomplete", locale);
    }
    return qualitative == 0
        ? message("review.suggestion.counted", locale, counted)
        : message("review.suggestion.countedWithQualitative", locale, counted, qualitative);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
