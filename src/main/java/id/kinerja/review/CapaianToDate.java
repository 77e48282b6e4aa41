package id.kinerja.review;

import id.kinerja.monitoring.CheckIns;
import id.kinerja.review.CapaianCalculator.Capaian;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Capaian at the end of a review period and the hasil-kerja rating it suggests (rules.md: only a
 * suggestion, the rater decides): the cumulative realisasi of the post's latest check-in up to
 * then, against the target pro rata to date (the whole target for the annual review; a ceiling, not
 * pro-rated, where lower is better). Both the rating form's suggestion and the rater's full picture
 * come from here, so they cannot disagree.
 */
@Component
public class CapaianToDate {

  private static final String ANNUAL = "ANNUAL";

  private final JdbcClient jdbc;
  private final CheckIns checkIns;
  private final CapaianCalculator calculator;

  CapaianToDate(JdbcClient jdbc, CheckIns checkIns, ReviewProperties properties) {
    this.jdbc = jdbc;
    this.checkIns = checkIns;
    this.calculator = properties.calculator();
  }

  /**
   * An indicator of the check-in as recorded, with its target to date and its capaian (a
   * qualitative one has neither: {@link CapaianCalculator.Status#TIDAK_DIHITUNG}).
   */
  public record Row(Map<String, Object> item, BigDecimal targetToDate, Capaian capaian) {}

  /**
   * @param lastMonth the period's last month
   * @param firstMonth the month the post started in the year
   * @param share the share of the annual target planned by then (1 for the whole year)
   * @param rows the qualitative indicators and the quantitative ones with a target and realisasi,
   *     empty without a check-in
   * @param result the capaian of the rows and the suggestion with its rule
   */
  public record Outcome(
      int lastMonth,
      int firstMonth,
      BigDecimal share,
      List<Row> rows,
      CapaianCalculator.Result result,
      BigDecimal floorPercent) {

    public Optional<Rating> suggestion() {
      return result.suggestedRating();
    }

    public CapaianCalculator.Rule rule() {
      return result.rule();
    }
  }

  public static int lastMonth(String period) {
    return ANNUAL.equals(period) ? 12 : Integer.parseInt(period.substring(1)) * 3;
  }

  public Outcome of(String nip, int year, String period, int post) {
    int lastMonth = lastMonth(period);
    int firstMonth = firstMonth(nip, year, post);
    BigDecimal share = CheckIns.shareOfPlan(firstMonth, lastMonth);
    var items = new ArrayList<Map<String, Object>>();
    var indicators = new ArrayList<Indicator>();
    for (Map<String, Object> item : checkIns.latestItems(nip, year, post, lastMonth)) {
      Indicator.Jenis jenis =
          "TAMBAHAN".equals(item.get("jenis")) ? Indicator.Jenis.TAMBAHAN : Indicator.Jenis.UTAMA;
      if (Indicator.Tipe.of(item.get("tipe")) == Indicator.Tipe.KUALITATIF) {
        items.add(item);
        indicators.add(Indicator.kualitatif(jenis));
      } else if (item.get("target") instanceof Number target
          && item.get("realisasi") instanceof Number realisasi) {
        boolean lowerIsBetter = Boolean.TRUE.equals(item.get("lowerIsBetter"));
        BigDecimal annual = new BigDecimal(target.toString());
        items.add(item);
        indicators.add(
            new Indicator(
                jenis,
                lowerIsBetter ? annual : annual.multiply(share),
                new BigDecimal(realisasi.toString()),
                lowerIsBetter));
      }
    }
    CapaianCalculator.Result result = calculator.evaluate(indicators);
    var rows = new ArrayList<Row>();
    for (int i = 0; i < items.size(); i++) {
      Capaian capaian = result.capaian().get(i);
      rows.add(new Row(items.get(i), capaian.indicator().target(), capaian));
    }
    return new Outcome(lastMonth, firstMonth, share, rows, result, calculator.floorPercent());
  }

  /** The month the post started in the year (1 for the whole year). */
  private int firstMonth(String nip, int year, int post) {
    return jdbc.sql(
            """
            select case when started_on >= make_date(:year, 1, 1) then extract(month from started_on)::int else 1 end
              from performance_year where employee_nip = :nip and period_year = :year and post = :post""")
        .param("nip", nip)
        .param("year", year)
        .param("post", post)
        .query(Integer.class)
        .optional()
        .orElse(1);
  }
}
