package id.kinerja.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import java.time.Duration;
import java.util.List;

/** The open incidents of a Camunda 8 cluster, from its REST search API (Orchestration Cluster). */
class ClusterIncidents implements IncidentSource {

  private final CamundaClient client;

  ClusterIncidents(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<Engine.Incident> openIncidents() {
    try {
      return client
          .newIncidentSearchRequest()
          .filter(f -> f.state(IncidentState.ACTIVE))
          .requestTimeout(Duration.ofSeconds(30))
          .send()
          .join()
          .items()
          .stream()
          .map(
              i ->
                  new Engine.Incident(
                      i.getIncidentKey(),
                      i.getProcessInstanceKey(),
                      i.getProcessDefinitionId(),
                      i.getElementId(),
                      i.getJobKey(),
                      i.getErrorType() == null ? null : i.getErrorType().name(),
                      i.getErrorMessage(),
                      i.getCreationTime() == null ? null : i.getCreationTime().toInstant()))
          .toList();
    } catch (RuntimeException e) {
      throw new EngineException("Cannot list the cluster's incidents: " + e.getMessage(), false, e);
    }
  }
}
