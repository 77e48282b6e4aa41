package id.kinerja.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.Cascading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The employee's self-assessment before a rating, one per evaluation: submitted (a self-rating per
 * RHK with an optional note, one per BerAKHLAK value, a narrative) or missing by its due date. The
 * first record stands: a step delivered twice, or a due date passing after the submission, changes
 * nothing.
 */
@Repository
public class SelfAssessments {

  /** Submitted or missing; results [{rhk, rating, note}], behaviour [{nilai, selfRating}]. */
  public record SelfAssessment(
      boolean submitted,
      List<Map<String, Object>> results,
      List<Map<String, Object>> behaviour,
      String narrative) {}

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Cascading cascading;
  private final Organisation organisation;

  SelfAssessments(
      JdbcClient jdbc, ObjectMapper json, Cascading cascading, Organisation organisation) {
    this.jdbc = jdbc;
    this.json = json;
    this.cascading = cascading;
    this.organisation = organisation;
  }

  /** The RHKs the employee assesses: those of their approved SKP of the year, in its order. */
  public List<String> rhkOf(String nip, Integer year) {
    if (nip == null || year == null) {
      return List.of();
    }
    return organisation.byNip(nip).map(e -> cascading.approvedRhk(e, year)).orElse(List.of());
  }

  /**
   * The submitted rows paired with the RHKs by position (the form shows them read-only in that
   * order): [{rhk, rating, note}].
   */
  public static List<Map<String, Object>> resultsOf(List<String> rhk, Object rows) {
    List<?> submitted = rows instanceof List<?> list ? list : List.of();
    var results = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < rhk.size(); i++) {
      Map<?, ?> row =
          i < submitted.size() && submitted.get(i) instanceof Map<?, ?> m ? m : Map.of();
      var result = new LinkedHashMap<String, Object>();
      result.put("rhk", rhk.get(i));
      result.put("rating", row.get("selfRating"));
      result.put("note", row.get("selfNote"));
      results.add(result);
    }
    return results;
  }

  public void submitted(
      long evaluationId,
      List<Map<String, Object>> results,
      List<Map<String, Object>> behaviour,
      String narrative,
      String by) {
    jdbc.sql(
            """
            insert into self_assessment (evaluation_id, status, results, behaviour, narrative, recorded_by)
            values (:id, 'SUBMITTED', cast(:results as jsonb), cast(:behaviour as jsonb), :narrative, :by)
            on conflict (evaluation_id) do nothing""")
        .param("id", evaluationId)
        .param("results", toJson(results))
        .param("behaviour", toJson(behaviour))
        .param("narrative", narrative)
        .param("by", by)
        .update();
  }

  public void missing(long evaluationId) {
    jdbc.sql(
            """
            insert into self_assessment (evaluation_id, status) values (:id, 'MISSING')
            on conflict (evaluation_id) do nothing""")
        .param("id", evaluationId)
        .update();
  }

  public Optional<SelfAssessment> of(long evaluationId) {
    return jdbc.sql(
            "select status, results::text, behaviour::text, narrative from self_assessment where evaluation_id = :id")
        .param("id", evaluationId)
        .query(
            (rs, n) ->
                new SelfAssessment(
                    "SUBMITTED".equals(rs.getString(1)),
                    rows(rs.getString(2)),
                    rows(rs.getString(3)),
                    rs.getString(4)))
        .optional();
  }

  private List<Map<String, Object>> rows(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, ROWS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
