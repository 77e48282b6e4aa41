package id.kinerja.notification;

import java.util.Locale;

/**
 * What a process step asks to tell someone. Delivery policy per type:
 *
 * <ul>
 *   <li>Legal notices ({@link #RESULT_DELIVERED}, {@link #APPEAL_DECIDED}) start legal time limits
 *       (the 14-day appeal window, the final decision), so they are always sent alone and at once,
 *       whatever {@code kinerja.notification.digest-types} says.
 *   <li>Digestible types (default {@link #SKP_APPROVED}, {@link #COACH_ASSIGNED}: good news or
 *       information that asks for no action today) wait for the daily digest when they are listed
 *       in {@code kinerja.notification.digest-types}.
 *   <li>Everything else asks the recipient to act soon (a task, a deadline, a returned SKP, an
 *       appeal to decide) and is sent at once by default; a process owner may still list it in
 *       {@code digest-types}.
 * </ul>
 */
public enum NotificationType {
  TASK_ASSIGNED(false, false),
  DEADLINE_NEAR(false, false),
  DEADLINE_PASSED(false, false),
  SKP_RETURNED(false, false),
  SKP_APPROVED(false, true),
  SKP_ALIGNMENT(false, false),
  RESULT_DELIVERED(true, false),
  APPEAL_FILED(false, false),
  APPEAL_DECIDED(true, false),
  COACH_ASSIGNED(false, true);

  private final boolean legalNotice;
  private final boolean digestibleByDefault;

  NotificationType(boolean legalNotice, boolean digestibleByDefault) {
    this.legalNotice = legalNotice;
    this.digestibleByDefault = digestibleByDefault;
  }

  /** Always sent alone and immediately; never collected into a digest. */
  public boolean legalNotice() {
    return legalNotice;
  }

  /** Part of the default value of {@code kinerja.notification.digest-types}. */
  public boolean digestibleByDefault() {
    return digestibleByDefault;
  }

  /** The template file stem, e.g. {@code task-assigned} for TASK_ASSIGNED. */
  public String templateName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
