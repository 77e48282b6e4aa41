package id.kinerja.review;

import id.kinerja.platform.Labels;
import id.kinerja.review.CapaianCalculator.Capaian;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The suggestion of the rating form in words, with the rule that gave it and what the capaian was
 * measured against (bundle i18n/review, review.picture.*).
 */
@Component
class SuggestionWords {

  private final MessageSource messages;
  private final Labels labels;

  SuggestionWords(MessageSource messages, Labels labels) {
    this.messages = messages;
    this.labels = labels;
  }

  /**
   * @param rating the suggested rating's code, null when there is none
   * @param rule the rule's code (a CapaianCalculator rule, or UNIT_HEAD)
   */
  record Suggestion(String rating, String ratingLabel, String rule, String explanation) {}

  /**
   * A unit head's hasil-kerja rating is the one the rating-pimpinan-unit decision gave from the
   * unit's predikat; anyone else's is suggested by capaian.
   */
  Suggestion of(CapaianToDate.Outcome outcome, String unitHeadRating, Locale locale) {
    if (unitHeadRating != null) {
      return new Suggestion(
          unitHeadRating,
          labels.of("rating", unitHeadRating, locale),
          "UNIT_HEAD",
          messages.getMessage("review.picture.rule.UNIT_HEAD", null, locale));
    }
    List<Capaian> utama =
        outcome.rows().stream()
            .map(CapaianToDate.Row::capaian)
            .filter(c -> CapaianCalculator.isCounted(c.indicator()))
            .toList();
    long below =
        utama.stream().filter(c -> c.status() == CapaianCalculator.Status.DI_BAWAH_100).count();
    long above =
        utama.stream().filter(c -> c.status() == CapaianCalculator.Status.DI_ATAS_100).count();
    String rating = outcome.suggestion().map(Enum::name).orElse(null);
    return new Suggestion(
        rating,
        labels.of("rating", rating, locale),
        outcome.rule().name(),
        messages.getMessage(
            "review.picture.rule." + outcome.rule().name(),
            new Object[] {below, above, utama.size(), number(outcome.floorPercent(), locale)},
            locale));
  }

  /**
   * What realisasi was compared with: the whole annual target, or its share by the period's end.
   */
  String basis(CapaianToDate.Outcome outcome, Locale locale) {
    if (outcome.share().compareTo(BigDecimal.ONE) >= 0) {
      return messages.getMessage("review.picture.basis.whole", null, locale);
    }
    int months = 12 - outcome.firstMonth() + 1;
    int elapsed = Math.max(0, outcome.lastMonth() - outcome.firstMonth() + 1);
    return messages.getMessage(
        "review.picture.basis.proRata",
        new Object[] {
          Month.of(outcome.lastMonth()).getDisplayName(TextStyle.FULL, locale),
          elapsed,
          months,
          number(outcome.share().movePointRight(2), locale)
        },
        locale);
  }

  /** An indicator's capaian as the rater reads it: "95,5%", or why there is no number. */
  String percent(Capaian capaian, Locale locale) {
    if (capaian.persen() != null) {
      return number(capaian.persen(), locale) + "%";
    }
    return messages.getMessage(
        "review.picture.capaian." + capaian.status().name(), null, capaian.status().name(), locale);
  }

  private static String number(BigDecimal value, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(1);
    return format.format(value.setScale(1, RoundingMode.HALF_UP));
  }
}
