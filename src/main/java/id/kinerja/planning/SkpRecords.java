package id.kinerja.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SKPs and their drafting and review rounds. */
@Repository
public class SkpRecords {

  /** The columns {@link #skp} reads, in its order. */
  private static final String SELECT_SKP =
      "select id, employee_nip, period_year, process_instance_key, status, approach,"
          + " content::text, approved_at, approved_by, post from skp";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  // rounds happen on the engine's days, which the demo may move
  private final EngineClock clock;

  SkpRecords(JdbcClient jdbc, ObjectMapper json, EngineClock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public enum Decision {
    APPROVE,
    RETURN
  }

  public record Skp(
      long id,
      String employeeNip,
      int periodYear,
      long processInstanceKey,
      String status,
      String approach,
      JsonNode content,
      Instant approvedAt,
      String approvedBy,
      int post) {}

  public record Round(
      String kind, String actor, String decision, String notes, JsonNode content, Instant at) {}

  /**
   * A drafted (or re-drafted) SKP handed to the rater. Recording the same step twice adds nothing.
   */
  @Transactional
  public Skp recordDraft(
      long processInstanceKey,
      String employeeNip,
      int periodYear,
      int post,
      String eventKey,
      String actor,
      String approach,
      Map<String, Object> content) {
    jdbc.sql(
            """
            insert into skp (employee_nip, period_year, post, process_instance_key)
            values (:nip, :year, :post, :instance) on conflict (process_instance_key) do nothing""")
        .param("nip", employeeNip)
        .param("year", periodYear)
        .param("post", post)
        .param("instance", processInstanceKey)
        .update();
    Skp skp = byInstance(processInstanceKey).orElseThrow();
    if (insertRound(skp.id(), eventKey, "DRAFT", actor, null, null, content)) {
      jdbc.sql(
              """
              update skp set status = 'SUBMITTED', approach = :approach, content = cast(:content as jsonb),
                updated_at = now() where id = :id""")
          .param("approach", approach)
          .param("content", toJson(content))
          .param("id", skp.id())
          .update();
    }
    return byInstance(processInstanceKey).orElseThrow();
  }

  /**
   * The rater's decision on the submitted SKP; the expectations per BerAKHLAK value join its
   * content.
   */
  @Transactional
  public Skp recordReview(
      long processInstanceKey,
      String eventKey,
      String actor,
      Decision decision,
      String notes,
      Object behaviourExpectations) {
    Skp skp =
        byInstance(processInstanceKey)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No SKP drafted in process instance " + processInstanceKey));
    if (insertRound(skp.id(), eventKey, "REVIEW", actor, decision.name(), notes, Map.of())) {
      jdbc.sql(
              """
              update skp set status = :status, updated_at = now(),
                approved_at = case when :status = 'APPROVED' then cast(:now as timestamptz) end,
                approved_by = case when :status = 'APPROVED' then :actor end,
                content = case when cast(:expectations as jsonb) is null then content
                          else jsonb_set(content, '{ekspektasiPerilaku}', cast(:expectations as jsonb)) end
              where id = :id""")
          .param("status", decision == Decision.APPROVE ? "APPROVED" : "RETURNED")
          .param("now", Timestamp.from(clock.now()))
          .param("actor", actor)
          .param(
              "expectations", behaviourExpectations == null ? null : toJson(behaviourExpectations))
          .param("id", skp.id())
          .update();
    }
    return byInstance(processInstanceKey).orElseThrow();
  }

  @Transactional
  public void close(long skpId) {
    jdbc.sql("update skp set status = 'CLOSED', updated_at = now() where id = :id")
        .param("id", skpId)
        .update();
  }

  /** The results of an SKP as re-aligned to the rater's RHKs; nothing else of it changes. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replaceResults(long skpId, JsonNode hasilKerja) {
    jdbc.sql(
            """
            update skp set content = jsonb_set(content, '{hasilKerja}', cast(:results as jsonb)),
              updated_at = now()
            where id = :id""")
        .param("results", toJson(hasilKerja))
        .param("id", skpId)
        .update();
  }

  public Optional<Skp> byInstance(long processInstanceKey) {
    return jdbc.sql(SELECT_SKP + " where process_instance_key = :instance")
        .param("instance", processInstanceKey)
        .query(this::skp)
        .optional();
  }

  public Optional<Skp> byId(long id) {
    return jdbc.sql(SELECT_SKP + " where id = :id").param("id", id).query(this::skp).optional();
  }

  public List<Skp> ofEmployee(String employeeNip) {
    return jdbc.sql(SELECT_SKP + " where employee_nip = :nip order by period_year desc, id desc")
        .param("nip", employeeNip)
        .query(this::skp)
        .list();
  }

  public List<Round> rounds(long skpId) {
    return jdbc.sql(
            "select kind, actor, decision, notes, content::text, at from skp_round where skp_id = :id order by id")
        .param("id", skpId)
        .query(
            (rs, n) ->
                new Round(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    read(rs.getString(5)),
                    rs.getObject(6, OffsetDateTime.class).toInstant()))
        .list();
  }

  private boolean insertRound(
      long skpId,
      String eventKey,
      String kind,
      String actor,
      String decision,
      String notes,
      Object content) {
    return jdbc.sql(
                """
                insert into skp_round (skp_id, event_key, kind, actor, decision, notes, content, at)
                values (:skp, :event, :kind, :actor, :decision, :notes, cast(:content as jsonb), :at)
                on conflict (event_key) do nothing""")
            .param("skp", skpId)
            .param("at", Timestamp.from(clock.now()))
            .param("event", eventKey)
            .param("kind", kind)
            .param("actor", actor)
            .param("decision", decision)
            .param("notes", notes)
            .param("content", toJson(content))
            .update()
        == 1;
  }

  private Skp skp(ResultSet rs, int n) throws SQLException {
    OffsetDateTime approvedAt = rs.getObject(8, OffsetDateTime.class);
    return new Skp(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        read(rs.getString(7)),
        approvedAt == null ? null : approvedAt.toInstant(),
        rs.getString(9),
        rs.getInt(10));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private JsonNode read(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
