package id.kinerja.review;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Legacy numeric scoring (PP 30/2019 art. 41), for agencies and history before 2022: nilai kinerja
 * = 70% nilai SKP + 30% nilai perilaku, or 60% + 40% when peers and subordinates rate behaviour.
 * Categories: Sangat Baik 110-120 with an innovation; Baik 90-120 (110-120 without an innovation
 * included); Cukup 70 to below 90; Kurang 50 to below 70; Sangat Kurang below 50. The nilai is
 * exact (no rounding), so a boundary such as 89.99 stays Cukup.
 *
 * @param nilai the nilai kinerja, from 0 to 120
 * @param kategori its category
 */
public record LegacyScore(BigDecimal nilai, Kategori kategori) {

  private static final BigDecimal MAX = BigDecimal.valueOf(120);

  /** Categories of the legacy scale, with their Indonesian labels. */
  public enum Kategori {
    SANGAT_BAIK("Sangat Baik"),
    BAIK("Baik"),
    CUKUP("Cukup"),
    KURANG("Kurang"),
    SANGAT_KURANG("Sangat Kurang");

    private final String label;

    Kategori(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param nilaiSkp from 0 to 120
   * @param nilaiPerilaku from 0 to 120
   * @param peersRated whether peers and subordinates rated behaviour (60/40 instead of 70/30)
   * @param hasInnovation whether the employee has an innovation (needed for Sangat Baik)
   */
  public static LegacyScore of(
      BigDecimal nilaiSkp, BigDecimal nilaiPerilaku, boolean peersRated, boolean hasInnovation) {
    checkRange("nilaiSkp", nilaiSkp);
    checkRange("nilaiPerilaku", nilaiPerilaku);
    BigDecimal skpWeight = new BigDecimal(peersRated ? "0.6" : "0.7");
    BigDecimal perilakuWeight = BigDecimal.ONE.subtract(skpWeight);
    BigDecimal nilai = nilaiSkp.multiply(skpWeight).add(nilaiPerilaku.multiply(perilakuWeight));
    return new LegacyScore(nilai, kategori(nilai, hasInnovation));
  }

  static Kategori kategori(BigDecimal nilai, boolean hasInnovation) {
    if (nilai.compareTo(BigDecimal.valueOf(110)) >= 0 && hasInnovation) {
      return Kategori.SANGAT_BAIK;
    }
    if (nilai.compareTo(BigDecimal.valueOf(90)) >= 0) {
      return Kategori.BAIK;
    }
    if (nilai.compareTo(BigDecimal.valueOf(70)) >= 0) {
      return Kategori.CUKUP;
    }
    if (nilai.compareTo(BigDecimal.valueOf(50)) >= 0) {
      return Kategori.KURANG;
    }
    return Kategori.SANGAT_KURANG;
  }

  private static void checkRange(String name, BigDecimal value) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " must be from 0 to 120, was " + value);
    }
  }
}
