package id.kinerja.review;

import static id.kinerja.review.Indicator.Jenis.TAMBAHAN;
import static id.kinerja.review.Indicator.Jenis.UTAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kinerja.review.CapaianCalculator.Rule;
import id.kinerja.review.CapaianCalculator.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapaianCalculatorTest {

  private final CapaianCalculator calculator = new CapaianCalculator();

  private static Indicator utama(String target, String realisasi) {
    return new Indicator(UTAMA, new BigDecimal(target), dec(realisasi), false);
  }

  private static Indicator utamaLowerIsBetter(String target, String realisasi) {
    return new Indicator(UTAMA, new BigDecimal(target), dec(realisasi), true);
  }

  private static Indicator tambahan(String target, String realisasi) {
    return new Indicator(TAMBAHAN, new BigDecimal(target), dec(realisasi), false);
  }

  private static BigDecimal dec(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  private Rating suggestion(Indicator... indicators) {
    return calculator.evaluate(List.of(indicators)).suggestedRating().orElse(null);
  }

  private CapaianCalculator.Rule rule(Indicator... indicators) {
    return calculator.evaluate(List.of(indicators)).rule();
  }

  @Test
  void eachSuggestionNamesTheRuleThatGaveIt() {
    assertThat(rule()).isEqualTo(Rule.NO_UTAMA);
    assertThat(rule(utama("10", null))).isEqualTo(Rule.UTAMA_WITHOUT_REALISASI);
    // one of three below the floor outweighs two above 100%
    assertThat(rule(utama("10", "12"), utama("10", "12"), utama("10", "7")))
        .isEqualTo(Rule.UTAMA_BELOW_FLOOR);
    assertThat(rule(utama("10", "9"), utama("10", "9"), utama("10", "12")))
        .isEqualTo(Rule.MOST_BELOW_100);
    assertThat(rule(utama("10", "11"), utama("10", "10"), utama("10", "12")))
        .isEqualTo(Rule.ALL_MET_MOST_ABOVE_100);
    assertThat(rule(utama("10", "9"), utama("10", "12"))).isEqualTo(Rule.OTHERWISE);
    assertThat(calculator.evaluate(List.of(utama("10", "9"), utama("10", "12"))).suggestedRating())
        .contains(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void capaianIsRealisasiOverTarget() {
    var capaian = calculator.capaian(utama("12", "15"));

    assertThat(capaian.persen()).isEqualByComparingTo("125");
    assertThat(capaian.status()).isEqualTo(Status.DI_ATAS_100);
  }

  @Test
  void lowerIsBetterIsInverted() {
    // planned 10 days, finished in 8: 125%
    assertThat(calculator.capaian(utamaLowerIsBetter("10", "8")).persen())
        .isEqualByComparingTo("125");
    // planned 10 days, took 16: 62.5%, below the floor
    var late = calculator.capaian(utamaLowerIsBetter("10", "16"));
    assertThat(late.persen()).isEqualByComparingTo("62.50");
    assertThat(late.belowFloor()).isTrue();
    assertThat(suggestion(utamaLowerIsBetter("10", "8"), utamaLowerIsBetter("10", "9")))
        .isEqualTo(Rating.DI_ATAS_EKSPEKTASI);
    assertThat(suggestion(utamaLowerIsBetter("10", "11"), utama("10", "10")))
        .isEqualTo(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void allAboveIsDiAtas() {
    assertThat(suggestion(utama("10", "11"), utama("4", "5"), utama("100", "101")))
        .isEqualTo(Rating.DI_ATAS_EKSPEKTASI);
  }

  @Test
  void diAtasNeedsMoreThanHalfAbove() {
    // 2 of 3 above, 1 exactly at 100%
    assertThat(suggestion(utama("10", "11"), utama("10", "12"), utama("10", "10")))
        .isEqualTo(Rating.DI_ATAS_EKSPEKTASI);
    // 1 of 2 above is exactly half, not most
    assertThat(suggestion(utama("10", "11"), utama("10", "10")))
        .isEqualTo(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void exactly100PercentIsSesuai() {
    assertThat(suggestion(utama("10", "10"), utama("7", "7"))).isEqualTo(Rating.SESUAI_EKSPEKTASI);
    assertThat(calculator.capaian(utama("3", "3")).status()).isEqualTo(Status.TEPAT_100);
  }

  @Test
  void oneUtamaBelow100StopsDiAtas() {
    assertThat(suggestion(utama("10", "20"), utama("10", "20"), utama("10", "9")))
        .isEqualTo(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void floorBreachIsDiBawah() {
    // 79% on one Utama indicator, even when the others exceed
    assertThat(suggestion(utama("100", "79"), utama("10", "20"), utama("10", "20")))
        .isEqualTo(Rating.DI_BAWAH_EKSPEKTASI);
    // exactly at the floor is not below it
    assertThat(suggestion(utama("100", "80"), utama("10", "20"), utama("10", "20")))
        .isEqualTo(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void floorIsConfigurable() {
    var strict = new CapaianCalculator(new BigDecimal("90"));

    assertThat(
            strict
                .evaluate(List.of(utama("100", "85"), utama("10", "20"), utama("10", "20")))
                .suggestedRating())
        .contains(Rating.DI_BAWAH_EKSPEKTASI);
    assertThatThrownBy(() -> new CapaianCalculator(new BigDecimal("101")))
        .hasMessageContaining("from 0 to 100");
  }

  @Test
  void mostBelowIsDiBawah() {
    assertThat(suggestion(utama("10", "9"), utama("10", "9"), utama("10", "20")))
        .isEqualTo(Rating.DI_BAWAH_EKSPEKTASI);
    // half below is not most
    assertThat(suggestion(utama("10", "9"), utama("10", "20"))).isEqualTo(Rating.SESUAI_EKSPEKTASI);
  }

  @Test
  void tambahanIndicatorsGetCapaianButDoNotMoveTheSuggestion() {
    var result =
        calculator.evaluate(
            List.of(
                utama("10", "10"), tambahan("10", "1"), tambahan("10", "1"), tambahan("1", null)));

    assertThat(result.suggestedRating()).contains(Rating.SESUAI_EKSPEKTASI);
    assertThat(result.capaian())
        .extracting(CapaianCalculator.Capaian::status)
        .containsExactly(
            Status.TEPAT_100, Status.DI_BAWAH_100, Status.DI_BAWAH_100, Status.BELUM_ADA_REALISASI);
  }

  @Test
  void noUtamaIndicatorMeansNoSuggestion() {
    assertThat(calculator.evaluate(List.of()).suggestedRating()).isEmpty();
    assertThat(calculator.evaluate(List.of(tambahan("10", "20"))).suggestedRating()).isEmpty();
  }

  @Test
  void qualitativeIndicatorsAreLeftOutOfTheNumericCapaian() {
    // two quantitative Utama indicators above plan decide; the qualitative one far from numbers
    var result =
        calculator.evaluate(
            List.of(
                utama("10", "12"),
                Indicator.kualitatif(UTAMA),
                utama("10", "11"),
                Indicator.kualitatif(TAMBAHAN)));

    assertThat(result.suggestedRating()).contains(Rating.DI_ATAS_EKSPEKTASI);
    assertThat(result.counted()).isEqualTo(2);
    assertThat(result.qualitative()).isEqualTo(2);
    assertThat(result.capaian().get(1).status()).isEqualTo(Status.TIDAK_DIHITUNG);
    assertThat(result.capaian().get(1).persen()).isNull();
    assertThat(result.capaian().get(1).belowFloor()).isFalse();
  }

  @Test
  void onlyQualitativeIndicatorsMeanNoNumericSuggestion() {
    var result =
        calculator.evaluate(List.of(Indicator.kualitatif(UTAMA), Indicator.kualitatif(UTAMA)));

    assertThat(result.suggestedRating()).isEmpty();
    assertThat(result.counted()).isZero();
    assertThat(result.qualitative()).isEqualTo(2);
  }

  @Test
  void qualitativeIndicatorsCarryNoNumbers() {
    assertThatThrownBy(
            () ->
                new Indicator(
                    UTAMA, Indicator.Tipe.KUALITATIF, BigDecimal.TEN, BigDecimal.ONE, false))
        .isInstanceOf(IllegalArgumentException.class);
    // SKPs drafted before indicators had a type are quantitative
    assertThat(Indicator.Tipe.of(null)).isEqualTo(Indicator.Tipe.KUANTITATIF);
    assertThat(Indicator.Tipe.of("KUALITATIF")).isEqualTo(Indicator.Tipe.KUALITATIF);
  }

  @Test
  void missingUtamaRealisasiMeansNoSuggestion() {
    var result = calculator.evaluate(List.of(utama("10", "20"), utama("10", null)));

    assertThat(result.suggestedRating()).isEmpty();
    assertThat(result.capaian().get(1).persen()).isNull();
  }

  @Test
  void zeroDenominator() {
    // 0 of 0: exactly met
    assertThat(calculator.capaian(utama("0", "0")).status()).isEqualTo(Status.TEPAT_100);
    assertThat(calculator.capaian(utama("0", "0")).persen()).isEqualByComparingTo("100");
    // more than a zero target: above 100% without a finite percentage
    var beyond = calculator.capaian(utama("0", "3"));
    assertThat(beyond.status()).isEqualTo(Status.DI_ATAS_100);
    assertThat(beyond.persen()).isNull();
    // lower is better, zero complaints against a target of 2: above 100%
    assertThat(calculator.capaian(utamaLowerIsBetter("2", "0")).status())
        .isEqualTo(Status.DI_ATAS_100);
    // lower is better, target 0 complaints but 1 happened: 0%
    assertThat(calculator.capaian(utamaLowerIsBetter("0", "1")).persen()).isEqualByComparingTo("0");
  }

  @Test
  void comparisonsAreExactAndOnlyThePercentIsRounded() {
    var justBelow = calculator.capaian(utama("3", "2.99999"));

    assertThat(justBelow.persen()).isEqualByComparingTo("100.00");
    assertThat(justBelow.status()).isEqualTo(Status.DI_BAWAH_100);
  }

  @Test
  void negativeValuesAreRejected() {
    assertThatThrownBy(() -> utama("-1", "1")).hasMessageContaining("target must not be negative");
    assertThatThrownBy(() -> utama("1", "-1"))
        .hasMessageContaining("realisasi must not be negative");
  }
}
