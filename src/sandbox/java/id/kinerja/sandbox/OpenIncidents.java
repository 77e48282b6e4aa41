package id.kinerja.sandbox;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open incidents of an in-memory engine, read from its record stream (created and not yet
 * resolved), as the sandbox's control port lists them and the tests' engine offers them.
 */
public final class OpenIncidents {

  private OpenIncidents() {}

  public static List<Map<String, Object>> of(RecordStreamSource records) {
    var open = new LinkedHashMap<Long, Map<String, Object>>();
    for (Record<?> record : records.getRecords()) {
      if (record.getValueType() != ValueType.INCIDENT
          || record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getIntent() == IncidentIntent.CREATED) {
        var value = (IncidentRecordValue) record.getValue();
        var incident = new LinkedHashMap<String, Object>();
        incident.put("key", record.getKey());
        incident.put("processInstanceKey", value.getProcessInstanceKey());
        incident.put("processId", value.getBpmnProcessId());
        incident.put("elementId", value.getElementId());
        incident.put("jobKey", value.getJobKey());
        incident.put("errorType", value.getErrorType().name());
        incident.put("message", value.getErrorMessage());
        incident.put("createdAt", record.getTimestamp());
        open.put(record.getKey(), incident);
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        open.remove(record.getKey());
      }
    }
    return new ArrayList<>(open.values());
  }
}
