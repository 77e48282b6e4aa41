package id.kinerja.review;

import static id.kinerja.review.Predikat.BAIK;
import static id.kinerja.review.Predikat.BUTUH_PERBAIKAN;
import static id.kinerja.review.Predikat.SANGAT_BAIK;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The readings of rules.md a process owner changes without recompiling: the capaian floor and the
 * two readings of the distribution curve, as documented properties (kinerja.review.*).
 */
class ReviewPropertiesTest {

  @Test
  void withoutSettingsTheRulesAreReadAsRulesMdSays() {
    ReviewProperties defaults = bind(Map.of());

    assertThat(defaults.capaianFloorPercent()).isEqualByComparingTo("80");
    assertThat(defaults.readings()).isEqualTo(CurveCheck.Readings.RULES);
  }

  @Test
  void aRaisedCapaianFloorTurnsAnIndicatorAt85PercentIntoABelowExpectationSuggestion() {
    List<Indicator> indicators =
        List.of(utama("100", "100"), utama("100", "100"), utama("100", "85"));

    assertThat(bind(Map.of()).calculator().evaluate(indicators).suggestedRating())
        .contains(Rating.SESUAI_EKSPEKTASI);
    assertThat(
            bind(Map.of("kinerja.review.capaian-floor-percent", "90"))
                .calculator()
                .evaluate(indicators)
                .suggestedRating())
        .contains(Rating.DI_BAWAH_EKSPEKTASI);
  }

  @Test
  void sharesRoundedToTheNearestPersonLetFiveOfSevenBeBaik() {
    // BAIK unit of 7: 5 Baik, 1 Sangat Baik, 1 Butuh Perbaikan; "at most 70%" of 7 people
    List<Predikat> unit = unit(BAIK, 5, SANGAT_BAIK, 1, BUTUH_PERBAIKAN, 1);
    var exact = new CurveCheck(CurveConstraints.defaults(), bind(Map.of()).readings());
    var nearest =
        new CurveCheck(
            CurveConstraints.defaults(),
            bind(Map.of("kinerja.review.curve.exact-shares", "false")).readings());

    assertThat(exact.check(UnitPredikat.BAIK, unit))
        .extracting(CurveViolation::constraintCode, CurveViolation::limit)
        .containsExactly(Tuple.tuple("BAIK_B_MAKS", 4));
    assertThat(nearest.check(UnitPredikat.BAIK, unit)).isEmpty(); // 70% of 7 is 4.9: 5 people
  }

  @Test
  void withoutTiesCountingAsLargestAnEvenSplitBreaksTheCurve() {
    // ISTIMEWA unit: as many Sangat Baik as Baik
    List<Predikat> unit = unit(SANGAT_BAIK, 3, BAIK, 3);
    var ties = new CurveCheck(CurveConstraints.defaults(), bind(Map.of()).readings());
    var strict =
        new CurveCheck(
            CurveConstraints.defaults(),
            bind(Map.of("kinerja.review.curve.ties-count-as-largest", "false")).readings());

    assertThat(ties.check(UnitPredikat.ISTIMEWA, unit)).isEmpty();
    assertThat(strict.check(UnitPredikat.ISTIMEWA, unit))
        .extracting(CurveViolation::constraintCode)
        .containsExactly("ISTIMEWA_SB_TERBESAR");
  }

  private static ReviewProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("kinerja.review", ReviewProperties.class);
  }

  private static Indicator utama(String target, String realisasi) {
    return new Indicator(
        Indicator.Jenis.UTAMA, new BigDecimal(target), new BigDecimal(realisasi), false);
  }

  private static List<Predikat> unit(Object... pairs) {
    var list = new ArrayList<Predikat>();
    for (int i = 0; i < pairs.length; i += 2) {
      list.addAll(Collections.nCopies((Integer) pairs[i + 1], (Predikat) pairs[i]));
    }
    return list;
  }
}
