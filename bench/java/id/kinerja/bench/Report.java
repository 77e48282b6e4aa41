package id.kinerja.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The run's figures: the machine, each stage's wall time, the year's throughput against the bare
 * engine, latencies, memory and database size; written as JSON and as a Markdown table with the
 * issue's targets beside them.
 */
final class Report {

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Map<String, Object>> stages = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private Supplier<Map<String, Object>> probe = Map::of;

  Report() {
    figures.put("takenAt", Instant.now().toString());
    figures.put("stages", stages);
    figures.put("notes", notes);
  }

  void put(String key, Object value) {
    figures.put(key, value);
  }

  Object get(String key) {
    return figures.get(key);
  }

  /** What to look at after each stage (the sandbox's live heap). */
  void probe(Supplier<Map<String, Object>> probe) {
    this.probe = probe;
  }

  void note(String key, String value) {
    notes.put(key, value);
    System.out.println(key + ": " + value);
  }

  /** Runs a stage and keeps its wall time; a stage answering false timed out before it was done. */
  <T> T stage(String name, Callable<T> stage) throws Exception {
    System.out.printf("%s  %s ...%n", Instant.now(), name);
    long start = System.nanoTime();
    T result = stage.call();
    double seconds = (System.nanoTime() - start) / 1e9;
    var row = new LinkedHashMap<String, Object>();
    row.put("stage", name);
    row.put("seconds", seconds);
    row.put("done", !Boolean.FALSE.equals(result));
    row.put("loadAverage", loadAverage());
    row.put("sandbox", probe.get());
    stages.add(row);
    System.out.printf(
        "%s  %s: %.1f s%s%n",
        Instant.now(), name, seconds, Boolean.FALSE.equals(result) ? " (TIMED OUT)" : "");
    return result;
  }

  void machine() {
    var machine = new LinkedHashMap<String, Object>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    machine.put("os", osName());
    machine.put(
        "jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    machine.put("loadAverageAtStart", loadAverage());
    figures.put("machine", machine);
  }

  void latencies(Map<String, Latencies.Figures> latencies) {
    figures.put("latenciesMillis", latencies);
  }

  void write(Path dir, int employees) throws IOException {
    Files.createDirectories(dir);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(Instant.now());
    String name = stamp + "-" + employees;
    String json =
        Browser.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
    Files.writeString(dir.resolve(name + ".json"), json);
    Files.writeString(dir.resolve("latest.json"), json);
    String markdown = markdown();
    Files.writeString(dir.resolve(name + ".md"), markdown);
    Files.writeString(dir.resolve("latest.md"), markdown);
    System.out.println(markdown);
    System.out.println("Figures: " + dir.resolve(name + ".json") + " and .md");
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    var md = new StringBuilder();
    var machine = (Map<String, Object>) figures.get("machine");
    md.append("# Benchmark: an agency's year on the sandbox engine\n\n");
    md.append(
        "%s employees in %s units (%s levels), %s virtual users; taken %s on %s cores (%s), %s RAM, %s, %s; load average at start %s.\n\n"
            .formatted(
                figures.get("employees"),
                figures.get("units"),
                figures.get("levels"),
                figures.get("users"),
                figures.get("takenAt"),
                machine.get("cores"),
                machine.get("cpu"),
                machine.get("memory"),
                machine.get("os"),
                machine.get("jdk"),
                machine.get("loadAverageAtStart")));
    md.append(
        "| stage | wall time s | done | load average after | sandbox live heap after |\n"
            + "|---|---:|---|---|---:|\n");
    for (Map<String, Object> s : stages) {
      md.append(
          "| %s | %.1f | %s | %s | %s |\n"
              .formatted(
                  s.get("stage"),
                  s.get("seconds"),
                  (Boolean) s.get("done") ? "yes" : "**timed out**",
                  s.get("loadAverage"),
                  mb(((Map<String, Object>) s.get("sandbox")).get("liveHeapBytes"))));
    }
    var year = (Map<String, Object>) figures.get("year");
    var bare = (Map<String, Object>) figures.get("baseline");
    md.append(
        "\n| throughput | application (through the API) | bare sandbox engine |\n|---|---:|---:|\n");
    if (year != null) {
      md.append(
          "| process instances | %s | %s |\n"
              .formatted(
                  year.get("processInstances"), bare == null ? "-" : bare.get("processInstances")));
      md.append(
          "| jobs | %s | %s |\n"
              .formatted(year.get("jobs"), bare == null ? "-" : bare.get("jobs")));
      md.append(
          "| wall time s | %.1f | %s |\n"
              .formatted(
                  year.get("seconds"), bare == null ? "-" : "%.1f".formatted(bare.get("seconds"))));
      md.append(
          "| process instances/s | %.2f | %s |\n"
              .formatted(
                  year.get("processInstancesPerSecond"),
                  bare == null ? "-" : "%.2f".formatted(bare.get("processInstancesPerSecond"))));
      md.append(
          "| jobs/s | %.2f | %s |\n"
              .formatted(
                  year.get("jobsPerSecond"),
                  bare == null ? "-" : "%.2f".formatted(bare.get("jobsPerSecond"))));
      if (bare != null) {
        md.append(
            "| **application / bare engine** | **%.2f** (target ≥ 0.5) | 1 |\n"
                .formatted(bare.get("applicationToBaselineRatio")));
      }
      md.append("| human tasks completed | %s | |\n".formatted(year.get("tasksCompleted")));
      md.append(
          "| notifications sent (per s) | %s (%.2f/s) | |\n"
              .formatted(year.get("notificationsSent"), year.get("notificationsPerSecond")));
    }
    md.append(
        "\n| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
    var latencies = (Map<String, Latencies.Figures>) figures.get("latenciesMillis");
    latencies.forEach(
        (metric, f) ->
            md.append(
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |\n"
                    .formatted(metric, f.count(), f.p50(), f.p95(), f.p99(), f.max())));
    md.append("\n| resource | figure |\n|---|---:|\n");
    md.append(
        "| application peak resident memory (VmHWM) | %s (target < 768 MB) |\n"
            .formatted(mb(figures.get("applicationPeakResidentBytes"))));
    md.append(
        "| sandbox engine peak resident memory | %s |\n"
            .formatted(mb(figures.get("sandboxPeakResidentBytes"))));
    if (bare != null) {
      md.append(
          "| bare engine peak resident memory | %s |\n"
              .formatted(mb(bare.get("peakResidentBytes"))));
    }
    if (figures.get("tasklistRequestsPerSecond") instanceof Number rps) {
      md.append(
          "| task lists answered per second, 50 users without pause | %.0f |\n"
              .formatted(rps.doubleValue()));
    }
    md.append("| database size | %s |\n".formatted(mb(figures.get("databaseBytes"))));
    md.append(
        "| database size per 1,000 employees | %s |\n"
            .formatted(mb(figures.get("databaseBytesPer1000Employees"))));
    var counts = (Map<String, Object>) figures.get("sandboxCounts");
    if (counts != null && counts.get("error") != null) {
      md.append("| records in the sandbox's log | %s |\n".formatted(counts.get("error")));
    } else if (counts != null) {
      md.append("| records in the sandbox's log | %s |\n".formatted(counts.get("records")));
      md.append(
          "| sandbox live heap at the end / with the counting's copy of the log / max | %s / %s / %s |\n"
              .formatted(
                  mb(counts.get("liveHeapBytesBeforeCounting")),
                  mb(counts.get("liveHeapBytesWithTheCopy")),
                  mb(counts.get("maxMemoryBytes"))));
    }
    md.append(
        "\nTargets (issue 15): throughput ≥ half the bare engine's; GET /api/tasks p95 < 50 ms and complete p95 < 150 ms at 100,000 open tasks and 50 users; a 10,000-employee year < 30 min on 2 cores; the application < 768 MB resident.\n");
    if (!notes.isEmpty()) {
      md.append("\nNotes: ").append(notes).append('\n');
    }
    md.append("Steps the harness did not know: ")
        .append(figures.get("unknownSteps"))
        .append("; refused completions: ")
        .append(figures.get("refusals"))
        .append('\n');
    return md.toString();
  }

  private static String mb(Object bytes) {
    return bytes instanceof Number n && n.longValue() >= 0
        ? "%.0f MB".formatted(n.longValue() / 1048576.0)
        : "-";
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4).length >= 3
          ? String.join(
              " ",
              List.of(Files.readString(Path.of("/proc/loadavg")).strip().split(" ")).subList(0, 3))
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "";
  }

  private static String osName() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "")
              + " ("
              + System.getProperty("os.version")
              + ")";
        }
      }
    } catch (IOException e) {
      // elsewhere
    }
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }
}
