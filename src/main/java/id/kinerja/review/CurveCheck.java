package id.kinerja.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a unit's distribution of predikat kinerja pegawai against the curve its predikat kinerja
 * organisasi fixes (rules.md, "Distribution curve"). How shares and "largest" are read is [C]
 * ({@link Readings}, kinerja.review.curve.*). By default shares are compared exactly on whole
 * people: "at most p%" holds when count x 100 <= p x n, "at least p%" when count x 100 >= p x n;
 * "largest" means no predikat outside the group has more people (ties count as largest).
 *
 * <p>A unit without employees has nothing to distribute and yields no violation.
 */
public final class CurveCheck {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * How the curve is read.
   *
   * @param exactShares true: p% of n people is compared exactly (at most 70% of 7 is 4, at least
   *     60% of 7 is 5); false: it is rounded to the nearest whole person, halves up (at most 70% of
   *     7 is 5, at least 60% of 7 is 4)
   * @param tiesCountAsLargest true: a group is the largest when no other has more people; false:
   *     when it has more than every other
   */
  public record Readings(boolean exactShares, boolean tiesCountAsLargest) {
    public static final Readings RULES = new Readings(true, true);
  }

  private final CurveConstraints table;
  private final Readings readings;

  public CurveCheck(CurveConstraints table, Readings readings) {
    this.table = table;
    this.readings = readings;
  }

  public static CurveCheck withDefaults() {
    return new CurveCheck(CurveConstraints.defaults(), Readings.RULES);
  }

  /** The violations of the unit's curve, in table order; empty when the distribution fits. */
  public List<CurveViolation> check(UnitPredikat unit, Collection<Predikat> predikatList) {
    return check(table.forUnit(unit), predikatList, readings);
  }

  /** The violations of the given constraints (for example rows read from the curve decision). */
  public static List<CurveViolation> check(
      List<CurveConstraint> constraints, Collection<Predikat> predikatList, Readings readings) {
    var counts = new EnumMap<Predikat, Integer>(Predikat.class);
    for (Predikat p : Predikat.values()) {
      counts.put(p, 0);
    }
    predikatList.forEach(p -> counts.merge(p, 1, Integer::sum));
    int total = predikatList.size();
    var violations = new ArrayList<CurveViolation>();
    if (total == 0) {
      return violations;
    }
    for (CurveConstraint c : constraints) {
      int count = c.group().stream().mapToInt(counts::get).sum();
      int limit = limit(c, counts, total, readings);
      boolean holds =
          switch (c.comparison()) {
            case AT_MOST ->
                readings.exactShares()
                    ? times100(count).compareTo(c.percent().multiply(n(total))) <= 0
                    : count <= limit;
            case AT_LEAST ->
                readings.exactShares()
                    ? times100(count).compareTo(c.percent().multiply(n(total))) >= 0
                    : count >= limit;
            case LARGEST -> readings.tiesCountAsLargest() ? count >= limit : count > limit;
            case ANY -> count >= limit;
            case NONE -> count == 0;
          };
      if (!holds) {
        violations.add(new CurveViolation(c, count, total, limit));
      }
    }
    return violations;
  }

  /** The count the constraint requires (see {@link CurveViolation#limit()}). */
  private static int limit(
      CurveConstraint c, Map<Predikat, Integer> counts, int total, Readings readings) {
    if (!readings.exactShares()
        && (c.comparison() == CurveConstraint.Comparison.AT_MOST
            || c.comparison() == CurveConstraint.Comparison.AT_LEAST)) {
      // p% of n people, to the nearest whole person
      return c.percent()
          .multiply(n(total))
          .divide(HUNDRED, 0, RoundingMode.HALF_UP)
          .intValueExact();
    }
    return switch (c.comparison()) {
      // the largest whole number k with k x 100 <= p x n
      case AT_MOST -> c.percent().multiply(n(total)).divideToIntegralValue(HUNDRED).intValueExact();
      // the smallest whole number k with k x 100 >= p x n
      case AT_LEAST ->
          c.percent().multiply(n(total)).divide(HUNDRED, 0, RoundingMode.CEILING).intValueExact();
      case LARGEST ->
          counts.entrySet().stream()
              .filter(e -> !c.group().contains(e.getKey()))
              .mapToInt(Map.Entry::getValue)
              .max()
              .orElse(0);
      case NONE -> 0;
      case ANY -> 1;
    };
  }

  private static BigDecimal times100(int count) {
    return BigDecimal.valueOf(count).multiply(HUNDRED);
  }

  private static BigDecimal n(int total) {
    return BigDecimal.valueOf(total);
  }
}
