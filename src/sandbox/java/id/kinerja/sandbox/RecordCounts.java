package id.kinerja.sandbox;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the in-memory engine holds: every record since it started (it never compacts its log), and
 * among them the process instances started and completed and the jobs completed. The benchmark
 * (bench/) reads these to give the bare engine the same work and to say where the log's size limits
 * a run. One pass over the whole log: for occasional look-ups, not for polling.
 */
public final class RecordCounts {

  private RecordCounts() {}

  /**
   * The heap the engine holds after a full collection (its log, mostly), the limit, and this JVM's
   * peak resident memory so far (VmHWM; -1 where /proc is not there).
   */
  public static Map<String, Object> liveHeap() {
    System.gc(); // on request of the benchmark, between its stages
    Runtime runtime = Runtime.getRuntime();
    return Map.of(
        "liveHeapBytes",
        runtime.totalMemory() - runtime.freeMemory(),
        "maxMemoryBytes",
        runtime.maxMemory(),
        "peakResidentBytes",
        peakResidentBytes());
  }

  private static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException notLinux) {
      // the figure is unknown
    }
    return -1;
  }

  public static Map<String, Object> of(RecordStreamSource records) {
    Map<String, Object> before = liveHeap();
    long all = 0;
    long started = 0;
    long completed = 0;
    long jobs = 0;
    for (Record<?> record : records.getRecords()) {
      all++;
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.COMPLETED) {
        jobs++;
      } else if (record.getValueType() == ValueType.PROCESS_INSTANCE
          && ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType()
              == BpmnElementType.PROCESS) {
        if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
          started++;
        } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
          completed++;
        }
      }
    }
    var counts = new LinkedHashMap<String, Object>();
    counts.put("records", all);
    counts.put("processInstancesStarted", started);
    counts.put("processInstancesCompleted", completed);
    counts.put("jobsCompleted", jobs);
    counts.put("liveHeapBytesBeforeCounting", before.get("liveHeapBytes"));
    counts.put("liveHeapBytesWithTheCopy", liveHeap().get("liveHeapBytes"));
    counts.put("maxMemoryBytes", before.get("maxMemoryBytes"));
    return counts;
  }
}
