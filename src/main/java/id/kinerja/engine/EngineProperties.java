package id.kinerja.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which Zeebe engine the application talks to, and how to run the embedded one. */
@ConfigurationProperties("kinerja.engine")
public record EngineProperties(Mode mode, Embedded embedded) {

  public enum Mode {
    /** Start the Zeebe broker distribution as a child process (or use one already listening). */
    EMBEDDED,
    /** Use the gateway configured under camunda.client.* (docker-compose, self-managed, SaaS). */
    REMOTE
  }

  public record Embedded(
      Path home,
      Path dataDir,
      Path logFile,
      int gatewayPort,
      int restPort,
      int managementPort,
      int commandPort,
      int internalPort,
      boolean clockControlled,
      Duration startupTimeout) {}
}
