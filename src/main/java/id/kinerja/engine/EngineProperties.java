package id.kinerja.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which workflow engine the application talks to, and how to run the sandbox engine. */
@ConfigurationProperties("kinerja.engine")
public record EngineProperties(Mode mode, Sandbox sandbox) {

  public enum Mode {
    /**
     * Start the sandbox engine (Camunda's in-memory test engine) as a child process, or use the one
     * already running: for trying Kinerja and for tests only.
     */
    EMBEDDED,
    /** Use the Camunda 8 cluster configured under camunda.client.* (SaaS or self-managed). */
    REMOTE
  }

  /**
   * @param gatewayPort the engine's gRPC gateway
   * @param controlPort its control API on 127.0.0.1 (identity, clock, stop)
   * @param classpathFile the sandbox's classpath, written by the build
   * @param classesDir where the build puts the launcher class
   * @param javaHome the JDK that runs it; empty for the application's own
   * @param stopOnShutdown whether a normal stop of the application stops the sandbox too
   */
  public record Sandbox(
      int gatewayPort,
      int controlPort,
      Path classpathFile,
      Path classesDir,
      Path javaHome,
      List<String> jvmOptions,
      Path logFile,
      Duration startupTimeout,
      boolean stopOnShutdown) {

    public Sandbox {
      jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    }
  }
}
