package id.kinerja.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Response times per request kind, in HdrHistogram (microseconds, up to 10 minutes). */
final class Latencies {

  private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

  void record(String metric, long nanos) {
    histograms
        .computeIfAbsent(metric, m -> new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3))
        .recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(10)));
  }

  /** How many requests were recorded under the metrics starting so. */
  long count(String prefix) {
    return histograms.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().getTotalCount())
        .sum();
  }

  record Figures(long count, double p50, double p95, double p99, double max) {}

  /** Per request kind: count and p50/p95/p99/max in milliseconds. */
  Map<String, Figures> figures() {
    var figures = new TreeMap<String, Figures>();
    histograms.forEach(
        (metric, h) ->
            figures.put(
                metric,
                new Figures(
                    h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0)));
    return figures;
  }
}
