package id.kinerja.review;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Readings of rules.md a process owner may change without recompiling [C] (restart to apply):
 *
 * @param capaianFloorPercent any Utama indicator below this capaian makes the suggested hasil-kerja
 *     rating Di bawah ekspektasi (kinerja.review.capaian-floor-percent, 0-100, default 80)
 * @param curve how the distribution curve is read (kinerja.review.curve.*)
 */
@ConfigurationProperties("kinerja.review")
public record ReviewProperties(
    @DefaultValue("80") BigDecimal capaianFloorPercent, @DefaultValue Curve curve) {

  /**
   * @param exactShares kinerja.review.curve.exact-shares: true (default) compares p% of n people
   *     exactly; false rounds it to the nearest whole person
   * @param tiesCountAsLargest kinerja.review.curve.ties-count-as-largest: true (default) lets tied
   *     groups count as the largest; false needs strictly more people
   */
  public record Curve(
      @DefaultValue("true") boolean exactShares,
      @DefaultValue("true") boolean tiesCountAsLargest) {}

  public ReviewProperties {
    if (capaianFloorPercent.signum() < 0
        || capaianFloorPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException(
          "kinerja.review.capaian-floor-percent must be from 0 to 100, not " + capaianFloorPercent);
    }
  }

  public CurveCheck.Readings readings() {
    return new CurveCheck.Readings(curve.exactShares(), curve.tiesCountAsLargest());
  }

  public CapaianCalculator calculator() {
    return new CapaianCalculator(capaianFloorPercent);
  }
}
