package id.kinerja.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Monthly check-ins and the coaching a gap starts. */
@Repository
public class CheckIns {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  CheckIns(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A check-in's verdict: whether results are behind plan, and how, in words. */
  public record Gap(boolean found, String summary) {}

  /**
   * The share of a post's annual targets planned by the end of a month: the months elapsed since
   * the post's first month over the months it has in the year (month / 12 for the whole year).
   */
  public static BigDecimal shareOfPlan(int firstMonth, int month) {
    int months = 12 - firstMonth + 1;
    int elapsed = Math.max(0, Math.min(month, 12) - firstMonth + 1);
    return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(months), 6, RoundingMode.HALF_UP);
  }

  /**
   * Compares cumulative realisasi with the pro-rata target (target x {@link #shareOfPlan}). For
   * indicators where lower is better (e.g. days to finish) the annual target is a ceiling, not
   * pro-rated. Qualitative indicators carry no numbers and are not measured: the rater judges their
   * narrative.
   */
  public static Gap gap(List<?> items, int month, int firstMonth, BigDecimal threshold) {
    var behind = new ArrayList<String>();
    BigDecimal floor = BigDecimal.ONE.subtract(threshold);
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> row)
          || !(row.get("target") instanceof Number target)
          || !(row.get("realisasi") instanceof Number realisasi)) {
        continue;
      }
      BigDecimal t = new BigDecimal(target.toString());
      BigDecimal r = new BigDecimal(realisasi.toString());
      BigDecimal achievement;
      if (Boolean.TRUE.equals(row.get("lowerIsBetter"))) {
        achievement = r.signum() == 0 ? BigDecimal.ONE : t.divide(r, 4, RoundingMode.HALF_UP);
      } else {
        BigDecimal planned = t.multiply(shareOfPlan(firstMonth, month));
        achievement =
            planned.signum() == 0 ? BigDecimal.ONE : r.divide(planned, 4, RoundingMode.HALF_UP);
      }
      if (achievement.compareTo(floor) < 0) {
        behind.add(
            row.get("iki")
                + ": "
                + achievement.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                + "%");
      }
    }
    return new Gap(!behind.isEmpty(), String.join("; ", behind));
  }

  @Transactional
  public void record(
      String eventKey,
      String nip,
      int year,
      int post,
      int month,
      List<?> items,
      String feedbackHasil,
      String feedbackPerilaku,
      List<Map<String, Object>> feedbackPerValue,
      Gap gap) {
    jdbc.sql(
            """
            insert into monitoring_checkin (event_key, employee_nip, period_year, post, month, items, feedback_hasil, feedback_perilaku, feedback_per_value, gap, gap_summary)
            values (:event, :nip, :year, :post, :month, cast(:items as jsonb), :hasil, :perilaku, cast(:perValue as jsonb), :gap, :summary)
            on conflict (event_key) do nothing""")
        .param("event", eventKey)
        .param("nip", nip)
        .param("year", year)
        .param("post", post)
        .param("month", month)
        .param("items", toJson(items))
        .param("hasil", feedbackHasil)
        .param("perilaku", feedbackPerilaku)
        .param("perValue", feedbackPerValue == null ? null : toJson(feedbackPerValue))
        .param("gap", gap.found())
        .param("summary", gap.summary())
        .update();
  }

  /** The rater's coaching decision on a gap, once per step: a redelivered job records nothing. */
  @Transactional
  public void recordCoaching(
      String eventKey, String nip, int year, int month, String kind, String plan, String coach) {
    jdbc.sql(
            """
                insert into coaching_note (event_key, employee_nip, period_year, month, kind, plan, coach)
                values (:event, :nip, :year, :month, :kind, :plan, :coach) on conflict (event_key) do nothing""")
        .param("event", eventKey)
        .param("nip", nip)
        .param("year", year)
        .param("month", month)
        .param("kind", kind)
        .param("plan", plan)
        .param("coach", coach)
        .update();
  }

  /**
   * The indicators with realisasi of the employee's latest check-in in a post of a year, up to a
   * month; empty when none.
   */
  public List<Map<String, Object>> latestItems(String nip, int year, int post, int upToMonth) {
    return jdbc.sql(
            """
            select items::text from monitoring_checkin
             where employee_nip = :nip and period_year = :year and post = :post and month <= :month
             order by month desc, id desc limit 1""")
        .param("nip", nip)
        .param("year", year)
        .param("post", post)
        .param("month", upToMonth)
        .query(String.class)
        .optional()
        .map(this::items)
        .orElse(List.of());
  }

  private List<Map<String, Object>> items(String text) {
    try {
      return json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An employee's check-ins, newest first: each quantitative indicator's realisasi with its capaian
   * against the target pro rata to the months of the post elapsed by then (as the reviews compute
   * it), each qualitative one with its narrative and no capaian; the rater's feedback on the
   * results and per BerAKHLAK value, and any gap found.
   */
  public List<Map<String, Object>> ofEmployee(String nip) {
    return jdbc.sql(
            """
            select c.period_year, c.month, c.gap, c.gap_summary, c.feedback_hasil, c.feedback_perilaku,
                   c.feedback_per_value::text, c.items::text, c.post,
                   coalesce((select case when y.started_on >= make_date(c.period_year, 1, 1)
                                         then extract(month from y.started_on)::int else 1 end
                               from performance_year y
                              where y.employee_nip = c.employee_nip and y.period_year = c.period_year
                                and y.post = c.post), 1)
              from monitoring_checkin c where c.employee_nip = :nip
             order by c.period_year desc, c.month desc, c.id desc""")
        .param("nip", nip)
        .query(
            (rs, n) -> {
              int month = rs.getInt(2);
              int firstMonth = rs.getInt(10);
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("periodYear", rs.getInt(1));
              row.put("month", month);
              row.put("post", rs.getInt(9));
              row.put("gap", rs.getBoolean(3));
              row.put("gapSummary", rs.getString(4));
              row.put("feedback", rs.getString(5));
              row.put("feedbackPerilaku", rs.getString(6));
              row.put(
                  "feedbackPerValue", rs.getString(7) == null ? List.of() : items(rs.getString(7)));
              row.put(
                  "items",
                  items(rs.getString(8)).stream()
                      .map(item -> withCapaian(item, firstMonth, month))
                      .toList());
              return row;
            })
        .list();
  }

  /**
   * An indicator with its target to date (annual target x months of the post elapsed / its months;
   * a lower-is-better target is a ceiling all year) and its capaian against it in percent
   * (rules.md: realisasi / target, target / realisasi where lower is better), one decimal; null
   * without realisasi, with a zero denominator, and for a qualitative indicator, which is not part
   * of the numeric capaian ({@code counted} false).
   */
  static Map<String, Object> withCapaian(Map<String, Object> item, int firstMonth, int month) {
    var row = new LinkedHashMap<String, Object>(item);
    boolean qualitative = "KUALITATIF".equals(item.get("tipe"));
    row.put("counted", !qualitative);
    BigDecimal capaian = null;
    if (!qualitative && item.get("target") instanceof Number target) {
      BigDecimal annual = new BigDecimal(target.toString());
      boolean inverted = Boolean.TRUE.equals(item.get("lowerIsBetter"));
      BigDecimal planned = inverted ? annual : annual.multiply(shareOfPlan(firstMonth, month));
      row.put(
          "targetToDate",
          new BigDecimal(
              planned.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
      if (item.get("realisasi") instanceof Number realisasi) {
        BigDecimal r = new BigDecimal(realisasi.toString());
        BigDecimal numerator = inverted ? planned : r;
        BigDecimal denominator = inverted ? r : planned;
        if (denominator.signum() != 0) {
          capaian = numerator.movePointRight(2).divide(denominator, 1, RoundingMode.HALF_UP);
        }
      }
    }
    row.put("capaian", capaian);
    return row;
  }

  public List<Map<String, Object>> coachingOf(String nip) {
    return jdbc.sql(
            "select period_year, month, kind, plan, coach from coaching_note where employee_nip = :nip order by id desc")
        .param("nip", nip)
        .query(
            (rs, n) ->
                Map.<String, Object>of(
                    "periodYear",
                    rs.getInt(1),
                    "month",
                    rs.getInt(2),
                    "kind",
                    rs.getString(3),
                    "plan",
                    rs.getString(4),
                    "coach",
                    String.valueOf(rs.getString(5))))
        .list();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
