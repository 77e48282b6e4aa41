package id.kinerja.review;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the distribution curve table: a constraint on the number of the unit's employees whose
 * predikat is in {@code group}.
 *
 * @param code a stable code, for example {@code BAIK_B_MAKS}
 * @param group one or more predikat counted together
 * @param comparison how the group's count is compared
 * @param percent the percentage for {@link Comparison#AT_MOST} and {@link Comparison#AT_LEAST};
 *     {@code null} for the others
 */
public record CurveConstraint(
    String code, Set<Predikat> group, Comparison comparison, BigDecimal percent) {

  /** How a group's count is compared; all comparisons are exact on whole people. */
  public enum Comparison {
    /** count x 100 <= percent x n */
    AT_MOST,
    /** count x 100 >= percent x n */
    AT_LEAST,
    /** no predikat outside the group has more people (ties count as largest) */
    LARGEST,
    /** nobody (count = 0) */
    NONE,
    /** at least one person (count >= 1) */
    ANY
  }

  public CurveConstraint {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(comparison, "comparison");
    if (group == null || group.isEmpty()) {
      throw new IllegalArgumentException("Constraint " + code + " has no predikat group");
    }
    group = Set.copyOf(group);
    boolean needsPercent = comparison == Comparison.AT_MOST || comparison == Comparison.AT_LEAST;
    if (needsPercent
        && (percent == null
            || percent.signum() < 0
            || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException(
          "Constraint " + code + " (" + comparison + ") needs a percent from 0 to 100");
    }
    if (!needsPercent) {
      percent = null;
    }
    if (percent != null) {
      // 70.0 and 70 are the same limit; never a negative scale (1E+2), so it prints plainly
      percent = percent.stripTrailingZeros();
      percent = percent.scale() < 0 ? percent.setScale(0) : percent;
    }
  }

  /**
   * The message bundle key describing this kind of constraint, e.g. {@code review.curve.AT_MOST}.
   */
  public String messageKey() {
    return "review.curve." + comparison.name();
  }
}
