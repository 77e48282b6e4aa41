package id.kinerja.review;

/**
 * A distribution curve constraint the unit does not meet.
 *
 * @param constraint the constraint
 * @param actualCount how many employees are in the constraint's group
 * @param total how many employees the unit has
 * @param limit the count the constraint requires: the most allowed for AT_MOST and NONE, the least
 *     required for AT_LEAST and ANY, and the largest other group's count for LARGEST
 */
public record CurveViolation(CurveConstraint constraint, int actualCount, int total, int limit) {

  public String constraintCode() {
    return constraint.code();
  }

  public String messageKey() {
    return constraint.messageKey();
  }
}
