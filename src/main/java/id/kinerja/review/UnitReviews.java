package id.kinerja.review;

import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the review of a unit for a period, for the Pengelola Kinerja (POST /api/reviews) and for
 * the review calendar (processes/review-calendar.bpmn) alike: one review per unit and period,
 * whoever comes first.
 */
@Service
public class UnitReviews {

  /** The calendar's name in started_by, so that a redelivered calendar job finds its own review. */
  public static final String CALENDAR = "system:review-calendar";

  private final JdbcClient jdbc;
  private final Organisation organisation;

  UnitReviews(JdbcClient jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** An opened review, still without its process; the head sets the unit's predikat. */
  public record Opened(long unitReviewId, String unitHeadUsername) {}

  /** Why a review cannot be opened; a message code of the evaluation bundle, argument the unit. */
  public enum Reason {
    NO_HEAD(HttpStatus.UNPROCESSABLE_ENTITY, "evaluation.error.noHead"),
    ALREADY_STARTED(HttpStatus.CONFLICT, "evaluation.error.reviewExists");

    final HttpStatus status;
    final String code;

    Reason(HttpStatus status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  public static class RefusedException extends Refusal {
    private final Reason reason;

    RefusedException(Reason reason, String unitCode) {
      super(reason.status, reason.code, unitCode);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /**
   * Claims the unit's review for the period. A review that someone else started is refused; one
   * this same user claimed whose process has not started yet is handed back: the calendar's job
   * delivered again finishes its own start (the API gives a failed claim up, see {@link #release}).
   */
  @Transactional
  public Opened open(String unitCode, int year, String period, String user) {
    String head =
        organisation
            .unit(unitCode)
            .flatMap(organisation::head)
            .map(Employee::username)
            .orElseThrow(() -> new RefusedException(Reason.NO_HEAD, unitCode));
    Optional<Long> created =
        jdbc.sql(
                """
                insert into unit_review (unit_code, period_year, period, started_by) values (:unit, :year, :period, :user)
                on conflict (unit_code, period_year, period) do nothing returning id""")
            .param("unit", unitCode)
            .param("year", year)
            .param("period", period)
            .param("user", user)
            .query(Long.class)
            .optional();
    long id =
        created.orElseGet(
            () ->
                jdbc.sql(
                        """
                        select id from unit_review
                         where unit_code = :unit and period_year = :year and period = :period
                           and started_by = :user and process_instance_key is null""")
                    .param("unit", unitCode)
                    .param("year", year)
                    .param("period", period)
                    .param("user", user)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new RefusedException(Reason.ALREADY_STARTED, unitCode)));
    return new Opened(id, head);
  }

  /** Gives up a claim whose process never started, so that anyone may start the review again. */
  @Transactional
  public void release(long reviewId) {
    jdbc.sql("delete from unit_review where id = :id and process_instance_key is null")
        .param("id", reviewId)
        .update();
  }

  /** Records the process of the review; the first one recorded stays. */
  @Transactional
  public void attachProcess(long reviewId, long processInstanceKey) {
    jdbc.sql(
            "update unit_review set process_instance_key = :key where id = :id and process_instance_key is null")
        .param("key", processInstanceKey)
        .param("id", reviewId)
        .update();
  }
}
