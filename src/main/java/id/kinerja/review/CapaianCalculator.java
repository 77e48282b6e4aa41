package id.kinerja.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Capaian (achievement) per indicator and the suggested rating hasil kerja (rules.md, "Scoring").
 * The rater sets the rating; this only suggests one.
 *
 * <p>Capaian = realisasi / target, or target / realisasi for lower-is-better indicators. All
 * comparisons with 100% and with the floor are exact (cross-multiplied, no rounding); only the
 * reported percentage is rounded to two decimals (half up).
 *
 * <p>Only quantitative indicators have a capaian: a qualitative one (a described expected result,
 * reported with a narrative) is {@link Status#TIDAK_DIHITUNG} and left to the rater's judgement.
 *
 * <p>Suggestion, counted over the quantitative <b>Utama</b> indicators (the sentence in the rules
 * is about them; Tambahan indicators get a capaian but do not move the suggestion):
 *
 * <ul>
 *   <li>DI_BAWAH_EKSPEKTASI when more than half are below 100%, or any is below the floor (default
 *       80%, [C]);
 *   <li>DI_ATAS_EKSPEKTASI when every one is at or above 100% and more than half exceed 100%;
 *   <li>SESUAI_EKSPEKTASI otherwise.
 * </ul>
 *
 * <p>Edge cases:
 *
 * <ul>
 *   <li>no quantitative Utama indicator (none at all, or only qualitative ones): no suggestion;
 *   <li>an Utama indicator without realisasi: no suggestion (the data is incomplete); a Tambahan
 *       indicator without realisasi is reported as {@link Status#BELUM_ADA_REALISASI} and ignored;
 *   <li>a zero denominator (target 0, or realisasi 0 when lower is better): 0/0 counts as exactly
 *       100%; a positive value over 0 counts as above 100% without a finite percentage ({@code
 *       persen} is {@code null}, status {@link Status#DI_ATAS_100});
 *   <li>negative target or realisasi are rejected by {@link Indicator}.
 * </ul>
 */
public final class CapaianCalculator {

  /** The default floor below which any Utama indicator makes the suggestion DI_BAWAH [C]. */
  public static final BigDecimal DEFAULT_FLOOR_PERCENT = BigDecimal.valueOf(80);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The rating each rule suggests; the others suggest none. */
  private static final Map<Rule, Rating> SUGGESTIONS =
      Map.of(
          Rule.UTAMA_BELOW_FLOOR, Rating.DI_BAWAH_EKSPEKTASI,
          Rule.MOST_BELOW_100, Rating.DI_BAWAH_EKSPEKTASI,
          Rule.ALL_MET_MOST_ABOVE_100, Rating.DI_ATAS_EKSPEKTASI,
          Rule.OTHERWISE, Rating.SESUAI_EKSPEKTASI);

  private final BigDecimal floorPercent;

  public CapaianCalculator() {
    this(DEFAULT_FLOOR_PERCENT);
  }

  /**
   * @param floorPercent a percentage from 0 to 100
   */
  public CapaianCalculator(BigDecimal floorPercent) {
    Objects.requireNonNull(floorPercent, "floorPercent");
    if (floorPercent.signum() < 0 || floorPercent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("floorPercent must be from 0 to 100: " + floorPercent);
    }
    this.floorPercent = floorPercent;
  }

  /**
   * The target to date: annual target x months / 12; a lower-is-better target (days to finish) is a
   * ceiling all year and is not pro-rated.
   */
  public static BigDecimal proRataTarget(BigDecimal annual, int months, boolean lowerIsBetter) {
    return lowerIsBetter
        ? annual
        : annual
            .multiply(BigDecimal.valueOf(months))
            .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP)
            .stripTrailingZeros();
  }

  public BigDecimal floorPercent() {
    return floorPercent;
  }

  /** How an indicator's capaian compares with 100%. */
  public enum Status {
    DI_ATAS_100,
    TEPAT_100,
    DI_BAWAH_100,
    BELUM_ADA_REALISASI,
    /** A qualitative indicator: not part of the numeric capaian. */
    TIDAK_DIHITUNG
  }

  /**
   * @param persen the capaian in percent, two decimals; {@code null} when there is no realisasi yet
   *     or when the capaian is unbounded (see the class comment)
   * @param belowFloor whether the capaian is below the floor
   */
  public record Capaian(
      Indicator indicator, BigDecimal persen, Status status, boolean belowFloor) {}

  /** The rule of the class comment that gave the suggestion, or why there is none. */
  public enum Rule {
    /** No quantitative Utama indicator: none at all, or only qualitative ones. */
    NO_UTAMA,
    UTAMA_WITHOUT_REALISASI,
    UTAMA_BELOW_FLOOR,
    MOST_BELOW_100,
    ALL_MET_MOST_ABOVE_100,
    OTHERWISE
  }

  /**
   * The capaian of each indicator, in input order, the suggestion if one can be made, and the rule
   * that made it (for the rater to see why).
   */
  public record Result(List<Capaian> capaian, Optional<Rating> suggestedRating, Rule rule) {

    /** How many indicators the suggestion is computed from: the quantitative Utama ones. */
    public long counted() {
      return capaian.stream().filter(c -> isCounted(c.indicator())).count();
    }

    /** How many qualitative indicators are left out of the numeric capaian. */
    public long qualitative() {
      return capaian.stream().filter(c -> c.status() == Status.TIDAK_DIHITUNG).count();
    }
  }

  public Result evaluate(List<Indicator> indicators) {
    List<Capaian> capaian = indicators.stream().map(this::capaian).toList();
    Rule rule = rule(capaian);
    return new Result(capaian, Optional.ofNullable(SUGGESTIONS.get(rule)), rule);
  }

  public Capaian capaian(Indicator indicator) {
    if (indicator.tipe() == Indicator.Tipe.KUALITATIF) {
      return new Capaian(indicator, null, Status.TIDAK_DIHITUNG, false);
    }
    if (indicator.realisasi() == null) {
      return new Capaian(indicator, null, Status.BELUM_ADA_REALISASI, false);
    }
    BigDecimal numerator = indicator.lowerIsBetter() ? indicator.target() : indicator.realisasi();
    BigDecimal denominator = indicator.lowerIsBetter() ? indicator.realisasi() : indicator.target();
    int vs100 = compareWithPercent(numerator, denominator, HUNDRED);
    Status status =
        vs100 > 0 ? Status.DI_ATAS_100 : vs100 == 0 ? Status.TEPAT_100 : Status.DI_BAWAH_100;
    boolean belowFloor = compareWithPercent(numerator, denominator, floorPercent) < 0;
    return new Capaian(indicator, percent(numerator, denominator), status, belowFloor);
  }

  private Rule rule(List<Capaian> capaian) {
    List<Capaian> utama = capaian.stream().filter(c -> isCounted(c.indicator())).toList();
    if (utama.isEmpty()) {
      return Rule.NO_UTAMA;
    }
    if (utama.stream().anyMatch(c -> c.status() == Status.BELUM_ADA_REALISASI)) {
      return Rule.UTAMA_WITHOUT_REALISASI;
    }
    long n = utama.size();
    long below = utama.stream().filter(c -> c.status() == Status.DI_BAWAH_100).count();
    long above = utama.stream().filter(c -> c.status() == Status.DI_ATAS_100).count();
    if (utama.stream().anyMatch(Capaian::belowFloor)) {
      return Rule.UTAMA_BELOW_FLOOR;
    }
    if (below * 2 > n) {
      return Rule.MOST_BELOW_100;
    }
    if (below == 0 && above * 2 > n) {
      return Rule.ALL_MET_MOST_ABOVE_100;
    }
    return Rule.OTHERWISE;
  }

  /** Whether an indicator moves the suggestion: a quantitative Utama one. */
  static boolean isCounted(Indicator indicator) {
    return indicator.jenis() == Indicator.Jenis.UTAMA
        && indicator.tipe() == Indicator.Tipe.KUANTITATIF;
  }

  /** Sign of (numerator / denominator) - (percent / 100), exactly; x/0 with x > 0 is unbounded. */
  private static int compareWithPercent(
      BigDecimal numerator, BigDecimal denominator, BigDecimal percent) {
    if (denominator.signum() == 0) {
      return numerator.signum() == 0 ? HUNDRED.compareTo(percent) : 1;
    }
    return numerator.multiply(HUNDRED).compareTo(percent.multiply(denominator));
  }

  private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      return numerator.signum() == 0 ? HUNDRED.setScale(2) : null;
    }
    return numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
  }
}
