package id.kinerja.engine;

import java.util.List;

/**
 * Where the open incidents are read from: the Zeebe gateway's gRPC API can retry and resolve them
 * but not list them. A Camunda 8 cluster lists them on its REST API ({@link ClusterIncidents}), the
 * sandbox on its control port ({@link SandboxIncidents}).
 */
public interface IncidentSource {

  List<Engine.Incident> openIncidents();
}
