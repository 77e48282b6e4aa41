package id.kinerja.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the crash suite (Maven profile {@code crash}) kills the application during the year: at
 * {@code kinerja.crash.kills} task completions chosen at random (seed {@code kinerja.crash.seed},
 * printed and in the report), each a random moment after the person pressed submit: before the
 * request arrived, while the task was completed in the engine and recorded in the database, or just
 * after, while mail was being sent. Without the property the year runs with its one crash in the
 * second quarter's review.
 */
final class CrashPlan {

  /** The year has more completions than this; every kill falls among them. */
  static final int STEPS = 55;

  static final int MAX_DELAY_MILLIS = 600;

  record Kill(
      int step, String element, String user, long delayMillis, int answer, Integer retryAnswer) {}

  final int kills;
  final long seed;
  private final Set<Integer> steps = new TreeSet<>();
  private final Random random;
  final List<Kill> done = new ArrayList<>();

  private CrashPlan(int kills, long seed) {
    this.kills = kills;
    this.seed = seed;
    this.random = new Random(seed);
    while (steps.size() < Math.min(kills, STEPS)) {
      steps.add(1 + random.nextInt(STEPS));
    }
  }

  static CrashPlan fromSystemProperties() {
    return new CrashPlan(
        Integer.getInteger("kinerja.crash.kills", 0),
        Long.getLong("kinerja.crash.seed", System.currentTimeMillis()));
  }

  boolean active() {
    return kills > 0;
  }

  boolean killsAt(int step) {
    return steps.contains(step);
  }

  long delayMillis() {
    return random.nextInt(MAX_DELAY_MILLIS);
  }

  /** target/crash/report.md: the kills and what the year left, each thing counted. */
  void report(Map<String, Long> counts, Map<String, Long> duplicates) throws IOException {
    var text = new StringBuilder("# Crash suite\n\n");
    text.append("Seed ")
        .append(seed)
        .append(": ")
        .append(done.size())
        .append(" SIGKILLs of the application, each followed by a restart; the sandbox engine and")
        .append(" PostgreSQL ran on. Besides these, the year's own kill in the second quarter's")
        .append(" review.\n\n| # | step | task | by | killed after (ms) | first answer | again |\n")
        .append("|---|---|---|---|---|---|---|\n");
    int n = 0;
    for (Kill kill : done) {
      text.append("| ")
          .append(++n)
          .append(" | ")
          .append(kill.step())
          .append(" | ")
          .append(kill.element())
          .append(" | ")
          .append(kill.user())
          .append(" | ")
          .append(kill.delayMillis())
          .append(" | ")
          .append(kill.answer() < 0 ? "connection lost" : kill.answer())
          .append(" | ")
          .append(kill.retryAnswer() == null ? "-" : kill.retryAnswer())
          .append(" |\n");
    }
    text.append("\n## What the year left\n\n| records | count |\n|---|---|\n");
    counts.forEach(
        (what, count) -> text.append("| ").append(what).append(" | ").append(count).append(" |\n"));
    text.append("\n## Twice or more (must all be 0)\n\n| check | found |\n|---|---|\n");
    duplicates.forEach(
        (what, count) -> text.append("| ").append(what).append(" | ").append(count).append(" |\n"));
    Path report = Path.of("target", "crash", "report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, text);
  }
}
