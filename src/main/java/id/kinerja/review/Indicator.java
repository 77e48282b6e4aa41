package id.kinerja.review;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Indikator Kinerja Individu (IKI) with its target and, once recorded, its realisasi.
 *
 * @param jenis whether the indicator belongs to a hasil kerja Utama or Tambahan
 * @param tipe quantitative (a numeric target) or qualitative (a described expected result, reported
 *     with a narrative and never part of the numeric capaian)
 * @param target the planned value, zero or more; {@code null} for a qualitative indicator
 * @param realisasi the achieved value, zero or more; {@code null} while nothing has been recorded
 *     and for a qualitative indicator
 * @param lowerIsBetter true for indicators where less is better (days to finish, complaints)
 */
public record Indicator(
    Jenis jenis, Tipe tipe, BigDecimal target, BigDecimal realisasi, boolean lowerIsBetter) {

  /** Hasil kerja utama (main) or tambahan (additional). */
  public enum Jenis {
    UTAMA,
    TAMBAHAN
  }

  /** How an indicator is planned and reported: with numbers, or with words and evidence. */
  public enum Tipe {
    KUANTITATIF,
    KUALITATIF;

    /**
     * The type an SKP row or check-in item records; SKPs drafted before indicators had a type are
     * quantitative, as they were planned.
     */
    public static Tipe of(Object code) {
      return KUALITATIF.name().equals(code) ? KUALITATIF : KUANTITATIF;
    }
  }

  /** A quantitative indicator. */
  public Indicator(Jenis jenis, BigDecimal target, BigDecimal realisasi, boolean lowerIsBetter) {
    this(jenis, Tipe.KUANTITATIF, target, realisasi, lowerIsBetter);
  }

  /** A qualitative indicator: judged by the rater from its narrative, not counted. */
  public static Indicator kualitatif(Jenis jenis) {
    return new Indicator(jenis, Tipe.KUALITATIF, null, null, false);
  }

  public Indicator {
    Objects.requireNonNull(jenis, "jenis");
    Objects.requireNonNull(tipe, "tipe");
    if (tipe == Tipe.KUALITATIF) {
      if (target != null || realisasi != null) {
        throw new IllegalArgumentException("a qualitative indicator has no numbers");
      }
    } else {
      Objects.requireNonNull(target, "target");
      if (target.signum() < 0) {
        throw new IllegalArgumentException("target must not be negative: " + target);
      }
      if (realisasi != null && realisasi.signum() < 0) {
        throw new IllegalArgumentException("realisasi must not be negative: " + realisasi);
      }
    }
  }
}
