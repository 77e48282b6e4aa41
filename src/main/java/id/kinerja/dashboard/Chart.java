package id.kinerja.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The numbers behind one chart, as the page draws them: labels along one axis and one or more
 * series of values (null where there is nothing to show), with any facts the chart names beside it.
 */
record Chart(List<String> labels, List<Series> datasets, Map<String, Object> details) {

  /** One series: its key (stable), its label (in the reader's language) and one value per label. */
  record Series(String key, String label, List<? extends Number> data) {}
}
