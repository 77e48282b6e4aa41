package id.kinerja.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.support.InMemoryEngine;
import io.camunda.zeebe.client.ZeebeClient;
import java.nio.file.Path;
import java.util.Map;

/** Deploys the review decisions from processes/ to the in-memory engine and evaluates them. */
final class Decisions {

  static final Path PROCESSES = Path.of("processes");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ZeebeClient client;

  private Decisions() {}

  static synchronized ZeebeClient client() {
    if (client == null) {
      ZeebeClient created = InMemoryEngine.get().createClient();
      created
          .newDeployResourceCommand()
          .addResourceFile(PROCESSES.resolve("predikat-kinerja.dmn").toString())
          .addResourceFile(PROCESSES.resolve("rating-pimpinan-unit.dmn").toString())
          .addResourceFile(PROCESSES.resolve("kurva-distribusi.dmn").toString())
          .send()
          .join();
      client = created;
    }
    return client;
  }

  /** The decision's output, parsed from JSON (a string, number, list or map). */
  static Object evaluate(String decisionId, Map<String, Object> variables) {
    String output =
        client()
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    try {
      return JSON.readValue(output, Object.class);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable decision output: " + output, e);
    }
  }
}
