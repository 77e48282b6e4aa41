package id.kinerja.review;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Indikator Kinerja Individu (IKI) with its target and, once recorded, its realisasi.
 *
 * @param jenis whether the indicator belongs to a hasil kerja Utama or Tambahan
 * @param target the planned value, zero or more
 * @param realisasi the achieved value, zero or more; {@code null} while nothing has been recorded
 * @param lowerIsBetter true for indicators where less is better (days to finish, complaints)
 */
public record Indicator(
    Jenis jenis, BigDecimal target, BigDecimal realisasi, boolean lowerIsBetter) {

  /** Hasil kerja utama (main) or tambahan (additional). */
  public enum Jenis {
    UTAMA,
    TAMBAHAN
  }

  public Indicator {
    Objects.requireNonNull(jenis, "jenis");
    Objects.requireNonNull(target, "target");
    if (target.signum() < 0) {
      throw new IllegalArgumentException("target must not be negative: " + target);
    }
    if (realisasi != null && realisasi.signum() < 0) {
      throw new IllegalArgumentException("realisasi must not be negative: " + realisasi);
    }
  }
}
