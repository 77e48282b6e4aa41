package id.kinerja.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which engine the application runs on, and what it noticed about it: for /admin. */
@Component
public class EngineStatus {

  private final EngineProperties properties;
  private final ObjectProvider<SandboxProcess> sandbox;
  private final EngineNotices notices;
  private final String clusterAddress;

  EngineStatus(
      EngineProperties properties,
      ObjectProvider<SandboxProcess> sandbox,
      EngineNotices notices,
      @Value("${camunda.client.grpc-address:}") String clusterAddress) {
    this.properties = properties;
    this.sandbox = sandbox;
    this.notices = notices;
    this.clusterAddress = clusterAddress;
  }

  /**
   * @param sandbox the sandbox's own account of itself; empty on a Camunda 8 cluster
   */
  public record View(
      boolean isSandbox,
      String clusterAddress,
      Optional<SandboxView> sandbox,
      Optional<NoticeView> notice) {}

  public record SandboxView(
      String id,
      ZonedDateTime startedAt,
      Duration clockOffset,
      long usedMemoryMb,
      long maxMemoryMb) {}

  public record NoticeView(EngineNotices.Kind kind, ZonedDateTime at, Map<String, Object> detail) {}

  /** With times where the reader works. */
  public View view(ZoneId zone) {
    Optional<SandboxView> running =
        Optional.ofNullable(sandbox.getIfAvailable())
            .map(this::refreshed)
            .map(
                s ->
                    new SandboxView(
                        s.id(),
                        s.startedAt().atZone(zone),
                        s.offset(),
                        s.usedMemoryBytes() >> 20,
                        s.maxMemoryBytes() >> 20));
    return new View(
        properties.mode() != EngineProperties.Mode.REMOTE,
        clusterAddress,
        running,
        notices.latest().map(n -> new NoticeView(n.kind(), n.at().atZone(zone), n.detail())));
  }

  private SandboxProcess.Status refreshed(SandboxProcess process) {
    try {
      return process.refresh();
    } catch (EngineException gone) {
      return process.status();
    }
  }
}
