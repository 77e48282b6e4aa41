package id.kinerja.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where process owners keep BPMN/DMN ({@code processesDir}) and forms ({@code formsDir}), how often
 * the application looks for changes, and what each process id may reach ({@code processRights}):
 * the job types its service tasks may use and the processes it may call. Only configuration grants
 * them, never an uploaded file.
 */
@ConfigurationProperties("kinerja.resources")
public record ResourceProperties(
    Path processesDir,
    Path formsDir,
    Duration pollInterval,
    Set<String> externalJobTypes,
    Map<String, ProcessRights> processRights) {

  /** What one process id may use; the id {@code "*"} lists what every process may use. */
  public record ProcessRights(Set<String> jobTypes, Set<String> calls) {

    public ProcessRights {
      jobTypes = jobTypes == null ? Set.of() : Set.copyOf(jobTypes);
      calls = calls == null ? Set.of() : Set.copyOf(calls);
    }
  }

  public ResourceProperties {
    externalJobTypes = externalJobTypes == null ? Set.of() : externalJobTypes;
    processRights = processRights == null ? Map.of() : Map.copyOf(processRights);
  }
}
