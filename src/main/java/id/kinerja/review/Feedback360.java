package id.kinerja.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.behaviour.BerAkhlak;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Public feedback on a unit's service, given on a day of the agency (the rate limit is the
   * caller's: PublicRateLimit).
   */
  @Transactional
  public void recordPublic(
      String unitCode,
      LocalDate day,
      String clientHash,
      Map<String, Integer> scores,
      String comment) {
    jdbc.sql(
            """
            insert into feedback_public (unit_code, period_year, answered_on, client_hash, scores, comment)
            values (:unit, :year, :day, :client, cast(:scores as jsonb), :comment)""")
        .param("unit", unitCode)
        .param("year", day.getYear())
        .param("day", day)
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

  /** The answers of peers and subordinates: how many per source, and per value. */
  public record Aggregate(Map<String, Long> answersPerSource, List<ValueScore> perValue) {}

  /**
   * What peers and subordinates answered on an employee in a period's round, for the rater: counts
   * per source and the mean per value with the number of answers that scored it. Never a name,
   * never one answer; the employee's own answers (SELF) are the self-assessment, shown on their
   * own.
   */
  public Aggregate aggregate(String nip, int year, String period) {
    Map<String, Long> perSource = new LinkedHashMap<>();
    jdbc.sql(
            """
            select source, count(*) from feedback_answer
             where employee_nip = :nip and period_year = :year and period = :period and source <> 'SELF'
             group by source order by source""")
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(e -> perSource.put(e.getKey(), e.getValue()));
    Map<String, ValueScore> scored = new LinkedHashMap<>();
    jdbc.sql(
            """
            select s.key, round(avg(s.value::numeric), 1), count(*)
              from feedback_answer a, jsonb_each_text(a.scores) s
             where a.employee_nip = :nip and a.period_year = :year and a.period = :period and a.source <> 'SELF'
             group by s.key""")
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .query(
            (rs, n) ->
                new ValueScore(rs.getString(1), rs.getBigDecimal(2).doubleValue(), rs.getLong(3)))
        .list()
        .forEach(score -> scored.put(score.value(), score));
    return new Aggregate(
        perSource,
        BerAkhlak.VALUES.stream()
            .map(v -> scored.getOrDefault(v, new ValueScore(v, null, 0)))
            .toList());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
