package id.kinerja.sandbox;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
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

  public static Map<String, Object> of(RecordStreamSource records) {
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
    Runtime runtime = Runtime.getRuntime();
    counts.put("usedMemoryBytes", runtime.totalMemory() - runtime.freeMemory());
    counts.put("maxMemoryBytes", runtime.maxMemory());
    return counts;
  }
}
