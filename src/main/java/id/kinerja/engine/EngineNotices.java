package id.kinerja.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the application noticed about its engine, for /admin: a fresh sandbox whose predecessor's
 * records were cleared, or a remote engine that does not know the processes recorded here.
 */
@Component
public class EngineNotices {

  public enum Kind {
    RESET,
    MISMATCH
  }

  public record Notice(Kind kind, Instant at, Map<String, Object> detail) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final AtomicBoolean mismatchRecorded = new AtomicBoolean();

  EngineNotices(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(Kind kind, Map<String, Object> detail) {
    try {
      jdbc.sql("insert into engine_notice (kind, detail) values (:kind, cast(:detail as jsonb))")
          .param("kind", kind.name())
          .param("detail", json.writeValueAsString(detail))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A mismatch is told once per start, whichever check meets it first. */
  public boolean recordMismatch(Map<String, Object> detail) {
    if (!mismatchRecorded.compareAndSet(false, true)) {
      return false;
    }
    record(Kind.MISMATCH, detail);
    return true;
  }

  public Optional<Notice> latest() {
    return jdbc.sql("select kind, noticed_at, detail from engine_notice order by id desc limit 1")
        .query(
            (rs, n) ->
                new Notice(
                    Kind.valueOf(rs.getString(1)),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    read(rs.getString(3))))
        .optional();
  }

  private Map<String, Object> read(String detail) {
    try {
      return json.readValue(detail, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
