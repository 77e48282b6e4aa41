package id.kinerja.coaching;

import java.util.Locale;

/** Bimbingan (coaching by a superior or mentor) or konseling (by an independent counsellor). */
public enum CoachKind {
  BIMBINGAN,
  KONSELING;

  /**
   * The kind a coaching process needs. An explicit request (variable requestedCoachKind) wins;
   * otherwise KONSELING when the reason says the gap repeated (GAP_REPEATED, set by monitoring
   * after two or more months in a row behind plan) or asks for counselling (contains KONSELING),
   * else BIMBINGAN.
   */
  public static CoachKind forReason(String requested, String reason) {
    if (requested != null && !requested.isBlank()) {
      return CoachKind.valueOf(requested.trim().toUpperCase(Locale.ROOT));
    }
    String r = reason == null ? "" : reason.toUpperCase(Locale.ROOT);
    return r.contains("GAP_REPEATED") || r.contains("KONSELING") ? KONSELING : BIMBINGAN;
  }
}
