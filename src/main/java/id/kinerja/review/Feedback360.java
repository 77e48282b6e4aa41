package id.kinerja.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.behaviour.BerAkhlak;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * 360-degree answers on the seven BerAKHLAK values. Only aggregates leave this class: who answered
 * is never shown to the employee.
 */
@Repository
public class Feedback360 {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  Feedback360(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records one answer; the same step delivered twice records it once. */
  @Transactional
  public void record(
      String eventKey,
      String nip,
      int year,
      String period,
      String source,
      String respondent,
      Map<String, Integer> scores,
      String comment) {
    jdbc.sql(
            """
            insert into feedback_answer (event_key, employee_nip, period_year, period, source, respondent, scores, comment)
            values (:event, :nip, :year, :period, :source, :respondent, cast(:scores as jsonb), :comment)
            on conflict do nothing""")
        .param("event", eventKey)
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .param("source", source)
        .param("respondent", respondent)
        .param("scores", toJson(scores))
        .param("comment", comment)
        .update();
  }

  /** Public feedback on a unit's service (the rate limit is the caller's: PublicRateLimit). */
  @Transactional
  public void recordPublic(
      String unitCode, int year, String clientHash, Map<String, Integer> scores, String comment) {
    jdbc.sql(
            """
            insert into feedback_public (unit_code, period_year, client_hash, scores, comment)
            values (:unit, :year, :client, cast(:scores as jsonb), :comment)""")
        .param("unit", unitCode)
        .param("year", year)
        .param("client", clientHash)
        .param("scores", toJson(scores))
        .param("comment", comment)
        .update();
  }

  /**
   * Averages per value and counts per source of one round (employee, year, period), for the rater;
   * no names, no single answers.
   */
  public Map<String, Object> summary(String nip, int year, String period) {
    var summary = new LinkedHashMap<String, Object>();
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "select source, count(*) from feedback_answer where employee_nip = :nip and period_year = :year and period = :period group by source order by source")
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    summary.put("answers", counts);
    var averages = new LinkedHashMap<String, Object>();
    for (String value : BerAkhlak.VALUES) {
      Double average = // null when nobody answered
          jdbc.sql(
                  "select avg((scores ->> :value)::numeric) from feedback_answer where employee_nip = :nip and period_year = :year and period = :period")
              .param("value", value)
              .param("nip", nip)
              .param("year", year)
              .param("period", period)
              .query(
                  (rs, n) -> rs.getBigDecimal(1) == null ? null : rs.getBigDecimal(1).doubleValue())
              .list()
              .getFirst();
      averages.put(value, average == null ? null : Math.round(average * 10) / 10.0);
    }
    summary.put("averages", averages);
    return summary;
  }

  /** One line for the rating form, e.g. "5 jawaban (PEER 3, SUBORDINATE 2); rata-rata 4.2". */
  public String line(String nip, int year, String period) {
    Map<String, Object> summary = summary(nip, year, period);
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) summary.get("answers");
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return "-";
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> averages = (Map<String, Object>) summary.get("averages");
    double overall =
        averages.values().stream()
            .filter(v -> v != null)
            .mapToDouble(v -> ((Number) v).doubleValue())
            .average()
            .orElse(0);
    return total + " (" + counts + "), " + Math.round(overall * 10) / 10.0 + "/5";
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
