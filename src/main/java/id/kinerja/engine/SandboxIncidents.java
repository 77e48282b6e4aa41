package id.kinerja.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's open incidents, from its control port (it has no REST API). */
class SandboxIncidents implements IncidentSource {

  private final SandboxProcess sandbox;

  SandboxIncidents(SandboxProcess sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public List<Engine.Incident> openIncidents() {
    var incidents = new ArrayList<Engine.Incident>();
    for (JsonNode i : sandbox.incidents()) {
      incidents.add(
          new Engine.Incident(
              i.path("key").asLong(),
              i.path("processInstanceKey").asLong(),
              i.path("processId").asText(),
              i.path("elementId").asText(),
              i.path("jobKey").asLong() > 0 ? i.path("jobKey").asLong() : null,
              i.path("errorType").asText(),
              i.path("message").asText(),
              Instant.ofEpochMilli(i.path("createdAt").asLong())));
    }
    return incidents;
  }
}
