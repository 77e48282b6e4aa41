package id.kinerja.support;

import id.kinerja.engine.Engine.Incident;
import id.kinerja.engine.IncidentSource;
import id.kinerja.sandbox.OpenIncidents;
import java.util.List;
import java.util.Map;

/**
 * The open incidents of the tests' in-memory engine, from its record stream as the sandbox lists
 * them (the engine has no REST API to search them).
 */
class InMemoryIncidents implements IncidentSource {

  private final ContextEngine engine;

  InMemoryIncidents(ContextEngine engine) {
    this.engine = engine;
  }

  @Override
  public List<Incident> openIncidents() {
    return OpenIncidents.of(engine.records()).stream().map(this::incident).toList();
  }

  private Incident incident(Map<String, Object> i) {
    long jobKey = (Long) i.get("jobKey");
    return new Incident(
        (Long) i.get("key"),
        (Long) i.get("processInstanceKey"),
        (String) i.get("processId"),
        (String) i.get("elementId"),
        jobKey > 0 ? jobKey : null,
        (String) i.get("errorType"),
        (String) i.get("message"),
        engine.wallTimeOf((Long) i.get("createdAt")));
  }
}
