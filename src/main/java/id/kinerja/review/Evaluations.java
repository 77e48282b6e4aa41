package id.kinerja.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Labels;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Unit reviews and the evaluations of their employees. */
@Repository
public class Evaluations {

  /**
   * Days after delivery in which the employee may appeal (PP 30/2019 art. 59; not configurable).
   */
  public static final int APPEAL_WINDOW_DAYS = 14;

  private static final String ANNUAL = "ANNUAL";

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final CapaianToDate capaianToDate;
  private final Labels labels;
  private final SuggestionBasis basis;
  private final ObjectMapper json;

  Evaluations(
      JdbcClient jdbc,
      Organisation organisation,
      CapaianToDate capaianToDate,
      Labels labels,
      SuggestionBasis basis,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.capaianToDate = capaianToDate;
    this.labels = labels;
    this.basis = basis;
    this.json = json;
  }

  public record Evaluation(
      long id,
      long unitReviewId,
      String employeeNip,
      int periodYear,
      String period,
      String raterNip,
      String raterUsername,
      String deciderUsername,
      String suggestedRating,
      String ratingHasilKerja,
      String ratingPerilaku,
      String predikat,
      String notes,
      String status,
      Instant deliveredAt,
      LocalDate appealDeadline,
      int post) {

    /** Before delivery: that there is a result, not what it says. */
    public Evaluation asTheEmployeeSeesIt() {
      if ("DELIVERED".equals(status)) {
        return this;
      }
      return new Evaluation(
          id,
          unitReviewId,
          employeeNip,
          periodYear,
          period,
          raterNip,
          raterUsername,
          deciderUsername,
          null,
          null,
          null,
          null,
          null,
          status,
          deliveredAt,
          appealDeadline,
          post);
    }
  }

  public record UnitReview(
      long id,
      String unitCode,
      int periodYear,
      String period,
      String unitPredikat,
      String status,
      String justification) {}

  /**
   * The calibration board: every unit review of a year with its distribution (predikat and count,
   * in the order of the predikat) and its curve violations.
   */
  public List<Map<String, Object>> board(int year) {
    return jdbc
        .sql(
            """
            select r.id, r.unit_code, r.period, r.unit_predikat, r.status, r.violations::text, r.justification, r.justified_by
              from unit_review r where r.period_year = :year order by r.unit_code, r.period""")
        .param("year", year)
        .query(
            (rs, n) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("id", rs.getLong(1));
              row.put("unitCode", rs.getString(2));
              row.put("period", rs.getString(3));
              row.put("unitPredikat", rs.getString(4));
              row.put("status", rs.getString(5));
              row.put("violations", readList(rs.getString(6)));
              row.put("justification", rs.getString(7));
              row.put("justifiedBy", rs.getString(8));
              return row;
            })
        .list()
        .stream()
        .peek(row -> row.put("distribution", distribution((Long) row.get("id"))))
        .toList();
  }

  private List<Map<String, Object>> distribution(long reviewId) {
    var counts = new EnumMap<Predikat, Long>(Predikat.class);
    jdbc.sql(
            "select predikat, count(*) from evaluation where unit_review_id = :id and predikat is not null group by predikat")
        .param("id", reviewId)
        .query((rs, n) -> Map.entry(Predikat.valueOf(rs.getString(1)), rs.getLong(2)))
        .list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    var result = new ArrayList<Map<String, Object>>();
    counts.forEach(
        (predikat, count) ->
            result.add(Map.<String, Object>of("predikat", predikat.name(), "count", count)));
    return result;
  }

  private List<Object> readList(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, new TypeReference<List<Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<UnitReview> review(long reviewId) {
    return jdbc.sql(
            "select id, unit_code, period_year, period, unit_predikat, status, justification from unit_review where id = :id")
        .param("id", reviewId)
        .query(
            (rs, n) ->
                new UnitReview(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .optional();
  }

  /**
   * Records the unit's predikat and creates an evaluation for every employee of the unit who has a
   * rater; evaluations that exist already are kept (a redelivered job changes nothing). An
   * evaluation covers the post the employee holds now; the earlier posts of the year are shown
   * beside it. The head of the unit is marked: their hasil-kerja rating follows the unit's
   * predikat.
   */
  @Transactional
  public List<Map<String, Object>> prepare(long reviewId, String unitPredikat) {
    UnitReview review = review(reviewId).orElseThrow();
    jdbc.sql("update unit_review set unit_predikat = :predikat where id = :id")
        .param("predikat", unitPredikat)
        .param("id", reviewId)
        .update();
    Long headId = organisation.unit(review.unitCode()).map(u -> u.headEmployeeId()).orElse(null);
    Locale indonesian = Locale.forLanguageTag("id");
    var result = new ArrayList<Map<String, Object>>();
    for (Employee employee : organisation.employeesIn(review.unitCode())) {
      Employee rater = organisation.rater(employee).orElse(null);
      if (rater == null || rater.username() == null) {
        continue; // rated outside the agency (the head of the agency)
      }
      String decider = organisation.appealDecider(employee).map(Employee::username).orElse(null);
      int post = currentPost(employee.nip(), review.periodYear());
      CapaianToDate.Outcome outcome =
          capaianToDate.of(employee.nip(), review.periodYear(), review.period(), post);
      jdbc.sql(
              """
              insert into evaluation (unit_review_id, employee_nip, period_year, period, rater_nip, rater_username, decider_username, post)
              values (:review, :nip, :year, :period, :raterNip, :rater, :decider, :post)
              on conflict (employee_nip, period_year, period) do nothing""")
          .param("review", reviewId)
          .param("nip", employee.nip())
          .param("year", review.periodYear())
          .param("period", review.period())
          .param("raterNip", rater.nip())
          .param("rater", rater.username())
          .param("decider", decider)
          .param("post", post)
          .update();
      jdbc.sql(
              "update evaluation set suggested_rating = :s where employee_nip = :nip and period_year = :year and period = :period")
          .param("s", outcome.suggestion().map(Enum::name).orElse(null))
          .param("nip", employee.nip())
          .param("year", review.periodYear())
          .param("period", review.period())
          .update();
      Evaluation evaluation =
          of(employee.nip(), review.periodYear(), review.period()).orElseThrow();
      var item = new LinkedHashMap<String, Object>();
      item.put("evaluationId", evaluation.id());
      item.put("employeeNip", employee.nip());
      item.put("employeeName", employee.name());
      // who self-assesses; null for an employee without an account, who is not asked
      item.put("employeeUsername", employee.username());
      item.put("raterUsername", rater.username());
      item.put(
          "suggestedRating",
          evaluation.suggestedRating() == null
              ? "-"
              : labels.of("rating", evaluation.suggestedRating(), indonesian));
      item.put(
          "suggestionBasis",
          basis.of(outcome.rows().isEmpty() ? null : outcome.result(), indonesian));
      boolean unitHead = headId != null && headId == employee.id();
      item.put("unitHead", unitHead);
      if (unitHead) {
        item.put("unitPredikat", labels.of("unitPredikat", unitPredikat, indonesian));
      }
      item.put("earlierPosts", earlierPosts(employee.nip(), review.periodYear(), post, indonesian));
      result.add(item);
    }
    return result;
  }

  /** The post of the year an employee holds now (1 without a mutasi). */
  private int currentPost(String nip, int year) {
    return jdbc.sql(
            "select post from performance_year where employee_nip = :nip and period_year = :year order by post desc limit 1")
        .param("nip", nip)
        .param("year", year)
        .query(Integer.class)
        .optional()
        .orElse(1);
  }

  /**
   * The earlier posts of the year, in words for the rating form: unit, position, until when, the
   * SKP's state and the periodic results rated in that post.
   */
  private String earlierPosts(String nip, int year, int post, Locale locale) {
    if (post <= 1) {
      return "-";
    }
    var lines = new ArrayList<String>();
    jdbc.sql(
            """
            select t.from_position, coalesce(u.name, t.from_unit), t.at::date,
                   (select string_agg(e.period || ': ' || coalesce(e.predikat, '-'), ', ' order by e.period)
                      from evaluation e where e.employee_nip = t.employee_nip and e.period_year = t.period_year
                       and e.post < :post and e.status = 'DELIVERED')
              from transfer t left join org_unit u on u.code = t.from_unit
             where t.employee_nip = :nip and t.period_year = :year order by t.id""")
        .param("nip", nip)
        .param("year", year)
        .param("post", post)
        .query(
            (rs, n) -> {
              String results = rs.getString(4);
              return rs.getString(1)
                  + ", "
                  + rs.getString(2)
                  + " (s.d. "
                  + rs.getDate(3).toLocalDate()
                  + ")"
                  + (results == null ? "" : ": " + wordsFor(results, locale));
            })
        .list()
        .forEach(lines::add);
    return lines.isEmpty() ? "-" : String.join("; ", lines);
  }

  /** "Q1: BAIK, Q2: SANGAT_BAIK" in words. */
  private String wordsFor(String results, Locale locale) {
    var words = new ArrayList<String>();
    for (String result : results.split(", ")) {
      String[] parts = result.split(": ");
      words.add(
          labels.of("period", parts[0], locale)
              + ": "
              + (parts.length > 1 ? labels.of("predikat", parts[1], locale) : "-"));
    }
    return String.join(", ", words);
  }

  @Transactional
  public void rate(
      long evaluationId, String hasilKerja, String perilaku, String predikat, String notes) {
    jdbc.sql(
            """
            update evaluation set rating_hasil_kerja = :hasil, rating_perilaku = :perilaku, predikat = :predikat,
              notes = coalesce(:notes, notes), status = case when status = 'DELIVERED' then status else 'RATED' end
            where id = :id""")
        .param("hasil", hasilKerja)
        .param("perilaku", perilaku)
        .param("predikat", predikat)
        .param("notes", notes)
        .param("id", evaluationId)
        .update();
  }

  public List<Evaluation> ofReview(long reviewId) {
    return jdbc.sql(SELECT + " where unit_review_id = :id order by id")
        .param("id", reviewId)
        .query(this::evaluation)
        .list();
  }

  public List<Evaluation> ofEmployee(String nip) {
    return jdbc.sql(SELECT + " where employee_nip = :nip order by period_year desc, id desc")
        .param("nip", nip)
        .query(this::evaluation)
        .list();
  }

  public Optional<Evaluation> byId(long id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::evaluation).optional();
  }

  public Optional<Evaluation> of(String nip, int year, String period) {
    return jdbc.sql(
            SELECT + " where employee_nip = :nip and period_year = :year and period = :period")
        .param("nip", nip)
        .param("year", year)
        .param("period", period)
        .query(this::evaluation)
        .optional();
  }

  @Transactional
  public void recordCurve(long reviewId, String violationsJson) {
    jdbc.sql("update unit_review set violations = cast(:v as jsonb) where id = :id")
        .param("v", violationsJson)
        .param("id", reviewId)
        .update();
  }

  @Transactional
  public void justify(long reviewId, String justification, String by) {
    jdbc.sql("update unit_review set justification = :j, justified_by = :by where id = :id")
        .param("j", justification)
        .param("by", by)
        .param("id", reviewId)
        .update();
  }

  /** Delivers the rated results: the appeal window opens today. Delivered ones stay as they are. */
  @Transactional
  public List<Evaluation> deliver(long reviewId, LocalDate today) {
    jdbc.sql(
            """
            update evaluation set status = 'DELIVERED', delivered_at = now(), appeal_deadline = :deadline
            where unit_review_id = :id and status = 'RATED'""")
        .param("deadline", today.plusDays(APPEAL_WINDOW_DAYS))
        .param("id", reviewId)
        .update();
    jdbc.sql("update unit_review set status = 'FINAL' where id = :id")
        .param("id", reviewId)
        .update();
    return ofReview(reviewId);
  }

  private static final String SELECT =
      """
      select id, unit_review_id, employee_nip, period_year, period, rater_nip, rater_username, decider_username,
             suggested_rating, rating_hasil_kerja, rating_perilaku, predikat, notes, status, delivered_at, appeal_deadline, post
        from evaluation""";

  private Evaluation evaluation(ResultSet rs, int n) throws SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    Date deadline = rs.getDate("appeal_deadline");
    return new Evaluation(
        rs.getLong("id"),
        rs.getLong("unit_review_id"),
        rs.getString("employee_nip"),
        rs.getInt("period_year"),
        rs.getString("period"),
        rs.getString("rater_nip"),
        rs.getString("rater_username"),
        rs.getString("decider_username"),
        rs.getString("suggested_rating"),
        rs.getString("rating_hasil_kerja"),
        rs.getString("rating_perilaku"),
        rs.getString("predikat"),
        rs.getString("notes"),
        rs.getString("status"),
        delivered == null ? null : delivered.toInstant(),
        deadline == null ? null : deadline.toLocalDate(),
        rs.getInt("post"));
  }
}
