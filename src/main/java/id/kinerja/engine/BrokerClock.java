package id.kinerja.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded broker's controlled clock (ZEEBE_CLOCK_CONTROLLED), moved through its management
 * API. The broker forgets the offset when it restarts, so the offset is kept in the database and
 * applied again at start.
 */
class BrokerClock implements EngineClock {

  private final URI clockUri;
  private final boolean controlled;
  private final JdbcClient jdbc;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  BrokerClock(URI managementUri, boolean controlled, JdbcClient jdbc) {
    this.clockUri = managementUri.resolve("/actuator/clock");
    this.controlled = controlled;
    this.jdbc = jdbc;
  }

  /** Re-applies the stored offset when the broker's clock has lost it (after a broker restart). */
  void restore() {
    if (!controlled) {
      return;
    }
    Duration stored =
        jdbc.sql("select offset_millis from engine_clock where id = 1")
            .query(Long.class)
            .optional()
            .map(Duration::ofMillis)
            .orElse(Duration.ZERO);
    Duration current =
        Duration.between(Instant.now(), read(HttpRequest.newBuilder(clockUri).GET()));
    // a running broker keeps its offset; a restarted one is back near real time
    if (stored.minus(current).abs().compareTo(Duration.ofMinutes(1)) > 0) {
      add(stored.minus(current));
    }
    offset.set(stored);
  }

  @Override
  public Instant now() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public boolean canAdvance() {
    return controlled;
  }

  @Override
  public synchronized Instant advance(Duration duration) {
    if (!controlled) {
      throw new UnsupportedOperationException(
          "The embedded broker runs without a controlled clock");
    }
    Instant now = add(duration);
    Duration newOffset = Duration.between(Instant.now(), now);
    offset.set(newOffset);
    jdbc.sql(
            """
            insert into engine_clock (id, offset_millis) values (1, :offset)
            on conflict (id) do update set offset_millis = excluded.offset_millis""")
        .param("offset", newOffset.toMillis())
        .update();
    return now;
  }

  private Instant add(Duration duration) {
    return read(
        HttpRequest.newBuilder(URI.create(clockUri + "/add"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"offsetMilli\": " + duration.toMillis() + "}")));
  }

  private Instant read(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new EngineException(
            "Broker clock answered " + response.statusCode() + ": " + response.body(), false, null);
      }
      JsonNode body = json.readTree(response.body());
      return Instant.ofEpochMilli(body.path("epochMilli").asLong());
    } catch (IOException e) {
      throw new EngineException("Broker clock unreachable: " + e.getMessage(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted", false, e);
    }
  }
}
