package id.kinerja.review;

import id.kinerja.behaviour.BerAkhlak;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the public answered on a unit's service (the public feedback page), summarised per period:
 * how many answered, the mean per value, and the latest comments. Who answered is not kept beyond a
 * hash for the rate limit, and single answers' scores never leave this class.
 */
@Repository
public class PublicAnswers {

  /** The periods a year is summarised in, in order. */
  public static final List<String> PERIODS = List.of("Q1", "Q2", "Q3", "Q4", "ANNUAL");

  /** How many of the latest comments a summary shows. */
  static final int RECENT_COMMENTS = 5;

  private final JdbcClient jdbc;

  PublicAnswers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Comment(LocalDate on, String text) {}

  public record Summary(
      String period, long answers, List<ValueScore> perValue, List<Comment> recentComments) {}

  /** Whether anyone from the public answered on the unit in the year: the unit serves them. */
  public boolean anyIn(String unitCode, int year) {
    return jdbc.sql(
            "select exists (select 1 from feedback_public where unit_code = :unit and period_year = :year)")
        .param("unit", unitCode)
        .param("year", year)
        .query(Boolean.class)
        .single();
  }

  /** The answers of a quarter (Q1..Q4) or of the whole year (ANNUAL). */
  public Summary of(String unitCode, int year, String period) {
    int to = CapaianToDate.lastMonth(period);
    int from = PERIODS.getLast().equals(period) ? 1 : to - 2;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("unit", unitCode);
    params.put("year", year);
    params.put("from", from);
    params.put("to", to);
    String where =
        " where p.unit_code = :unit and p.period_year = :year"
            + " and extract(month from p.answered_on) between :from and :to";
    long answers =
        jdbc.sql("select count(*) from feedback_public p" + where)
            .params(params)
            .query(Long.class)
            .single();
    Map<String, ValueScore> scored = new LinkedHashMap<>();
    jdbc.sql(
            "select s.key, round(avg(s.value::numeric), 1), count(*) from feedback_public p,"
                + " jsonb_each_text(p.scores) s"
                + where
                + " group by s.key")
        .params(params)
        .query(
            (rs, n) ->
                new ValueScore(rs.getString(1), rs.getBigDecimal(2).doubleValue(), rs.getLong(3)))
        .list()
        .forEach(score -> scored.put(score.value(), score));
    List<Comment> comments =
        jdbc.sql(
                "select p.answered_on, p.comment from feedback_public p"
                    + where
                    + " and p.comment is not null order by p.answered_on desc, p.id desc limit "
                    + RECENT_COMMENTS)
            .params(params)
            .query((rs, n) -> new Comment(rs.getObject(1, LocalDate.class), rs.getString(2)))
            .list();
    return new Summary(
        period,
        answers,
        BerAkhlak.VALUES.stream()
            .map(v -> scored.getOrDefault(v, new ValueScore(v, null, 0)))
            .toList(),
        comments);
  }

  /** Every quarter of the year and the whole year. */
  public List<Summary> perPeriod(String unitCode, int year) {
    return PERIODS.stream().map(p -> of(unitCode, year, p)).toList();
  }
}
