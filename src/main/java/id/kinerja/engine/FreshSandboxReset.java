package id.kinerja.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox keeps nothing across its own restarts. When the application meets a fresh sandbox
 * while the database holds records of another engine's processes, it says so and clears them before
 * any worker or list runs, so that no list ever shows a task that no engine knows. With the demo
 * on, the organisation goes too, and the demo seeds it again as on a first start.
 */
class FreshSandboxReset implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(FreshSandboxReset.class);

  /** Records made by, or for, the engine's processes: tasks, years, reviews, rounds, appeals. */
  static final List<String> ENGINE_BOUND =
      List.of(
          "user_task",
          "task_evidence",
          "performance_period",
          "performance_year",
          "skp",
          "skp_round",
          "monitoring_checkin",
          "coaching_note",
          "coaching_request",
          "coaching_assignment",
          "coaching_session",
          "improvement_period",
          "development_plan",
          "development_follow_up",
          "recognition",
          "unit_review",
          "evaluation",
          "self_assessment",
          "appeal",
          "transfer",
          "feedback_round",
          "skp_alignment_flag",
          "feedback_answer",
          "deployment",
          "deployment_resource",
          "notification_outbox",
          "issued_document",
          "document_counter",
          "export_job");

  /** The organisation and its people, which the demo seeds again. */
  static final List<String> ORGANISATION =
      List.of(
          "org_unit",
          "employee",
          "app_user",
          "app_user_role",
          "api_token",
          "task_filter",
          "coach",
          "feedback_public",
          "agency_official",
          "rater_override",
          "acting_official",
          "holiday");

  /** Kept through every reset: the audit trail and what is known of the engine itself. */
  static final List<String> KEPT =
      List.of(
          "audit_event",
          "engine_identity",
          "engine_notice",
          "flyway_schema_history",
          // the public pages' rate limit and failed sign-ins: nothing of a process in them
          "public_request",
          "sign_in_failure",
          // locks of scheduled work (ShedLock): held for a job, not for a process
          "shedlock");

  private final SandboxProcess sandbox;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final EngineNotices notices;
  private final boolean demo;

  FreshSandboxReset(
      SandboxProcess sandbox,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      EngineNotices notices,
      boolean demo) {
    this.sandbox = sandbox;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.notices = notices;
    this.demo = demo;
  }

  @Override
  public void afterPropertiesSet() {
    String current = sandbox.status().id();
    Optional<String> previous =
        jdbc.sql("select engine_id from engine_identity where id = 1")
            .query(String.class)
            .optional();
    if (previous.filter(current::equals).isPresent()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          Map<String, Long> cleared = counts(ENGINE_BOUND);
          if (!cleared.isEmpty()) {
            List<String> tables = demo ? both() : ENGINE_BOUND;
            jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade")
                .update();
            var detail = new LinkedHashMap<String, Object>();
            detail.put("engine", current);
            detail.put("previousEngine", previous.orElse(null));
            detail.put("cleared", cleared);
            detail.put("demoReseeded", demo);
            notices.record(EngineNotices.Kind.RESET, detail);
            log.warn(
                "A fresh sandbox engine ({}) runs under a database last used with {}: its records"
                    + " of that engine's processes were cleared ({}){}",
                current,
                previous.map(id -> "sandbox engine " + id).orElse("another engine"),
                cleared,
                demo ? " and the demo organisation is seeded again" : "");
          }
          jdbc.sql(
                  """
                  insert into engine_identity (id, engine_id) values (1, :id)
                  on conflict (id) do update set engine_id = excluded.engine_id, recorded_at = now()""")
              .param("id", current)
              .update();
        });
  }

  private List<String> both() {
    return Stream.concat(ENGINE_BOUND.stream(), ORGANISATION.stream()).toList();
  }

  /** The tables with rows, and how many. */
  private Map<String, Long> counts(List<String> tables) {
    var counts = new LinkedHashMap<String, Long>();
    for (String table : tables) {
      long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
      if (rows > 0) {
        counts.put(table, rows);
      }
    }
    return counts;
  }
}
