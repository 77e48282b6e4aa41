package id.kinerja.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.Engine.HumanTask;
import id.kinerja.engine.EngineClock;
import id.kinerja.tasklist.TaskRow.TaskState;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_task table. List queries are paged and served by partial indexes on open tasks. */
@Repository
public class TaskStore {

  private static final String COLUMNS =
      """
      task_key, process_instance_key, process_definition_key, process_id, process_version, element_id,
      name, form_key, assignee, candidate_groups, candidate_users, due_date, follow_up_date, priority,
      variables::text, employee_nip, period_year, state, created_at, ended_at, ended_by, acting_for""";

  /** The columns without the variables, which a task's history does not show. */
  private static final String HISTORY_COLUMNS =
      COLUMNS.replace("variables::text", "'{}' as variables");

  private static final String OPEN = " from user_task where state = 'OPEN' and ";

  private static final String ORDER = " order by due_date asc nulls last, priority desc, task_key";

  private static final String MINE = "assignee = :me";

  /** Offered to the person or a group of theirs; its first clause is user_task_offered_idx's. */
  private static final String OFFERED =
      "(candidate_groups <> '{}' or candidate_users <> '{}')"
          + " and (candidate_users @> array[cast(:me as text)] or candidate_groups && cast(:groups as text[]))";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  // when a task appeared and ended, by the engine's clock (which the demo may move), so that a
  // task's history reads like the process's own days
  private final EngineClock clock;

  TaskStore(JdbcClient jdbc, ObjectMapper json, EngineClock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Lists count their tasks up to this many; beyond, the total is "at least". */
  static final long COUNTED = 1000;

  /** A page of tasks; with {@code more}, there are more than {@code total} matching tasks. */
  public record Page(List<TaskRow> items, long total, boolean more, int page, int size) {}

  /**
   * Stores a task the engine handed out; the same task handed out again (after a restart or an
   * expired reservation) refreshes it instead of duplicating it.
   *
   * @return true when the task is new
   */
  public boolean upsert(
      HumanTask task, String name, Instant due, Instant followUp, String actingFor) {
    Map<String, Object> variables = task.variables();
    return jdbc.sql(
            """
            insert into user_task (task_key, process_instance_key, process_definition_key, process_id,
              process_version, element_id, element_instance_key, name, form_key, assignee,
              candidate_groups, candidate_users, due_date, follow_up_date, variables, employee_nip, period_year, acting_for, created_at)
            values (:key, :instance, :definition, :processId, :version, :elementId, :elementInstance, :name,
              :formKey, :assignee, cast(:groups as text[]), cast(:users as text[]), :due, :followUp, cast(:variables as jsonb), :nip, :year, :actingFor, :now)
            on conflict (task_key) do update set variables = excluded.variables, checked_at = now(),
              -- handed out again, so the engine still has it: a task taken for gone is open again
              state = case when user_task.ended_by = 'engine' then 'OPEN' else user_task.state end,
              ended_at = case when user_task.ended_by = 'engine' then null else user_task.ended_at end,
              ended_by = case when user_task.ended_by = 'engine' then null else user_task.ended_by end
            returning (xmax = 0)""")
        .param("key", task.key())
        .param("instance", task.processInstanceKey())
        .param("definition", task.processDefinitionKey())
        .param("processId", task.processId())
        .param("version", task.processVersion())
        .param("elementId", task.elementId())
        .param("elementInstance", task.elementInstanceKey())
        .param("name", name)
        .param("formKey", task.formKey())
        .param("assignee", blankToNull(task.assignee()))
        .param("groups", textArray(task.candidateGroups()))
        .param("users", textArray(task.candidateUsers()))
        .param("due", timestamp(due))
        .param("followUp", timestamp(followUp))
        .param("variables", toJson(variables))
        .param("nip", stringOrNull(variables.get("employeeNip")))
        .param("year", intOrNull(variables.get("periodYear")))
        .param("actingFor", actingFor)
        .param("now", timestamp(clock.now()))
        .query(Boolean.class)
        .single();
  }

  public Optional<TaskRow> find(long key) {
    return jdbc.sql("select " + COLUMNS + " from user_task where task_key = :key")
        .param("key", key)
        .query(this::row)
        .optional();
  }

  /**
   * The instance's tasks in order, for its history, without their variables: a unit review's rating
   * tasks each carry the unit's whole list, and reading them all on every task opened took a
   * quarter of the application's time in the benchmark.
   */
  public List<TaskRow> ofInstance(long processInstanceKey) {
    return jdbc.sql(
            "select "
                + HISTORY_COLUMNS
                + " from user_task where process_instance_key = :instance order by created_at, task_key")
        .param("instance", processInstanceKey)
        .query(this::row)
        .list();
  }

  public Page search(TaskQuery query, Viewer viewer) {
    var params = new HashMap<String, Object>();
    params.put("me", viewer.username());
    params.put("groups", textArray(viewer.groups()));
    String filter = filters(query, params);
    long offset = (long) query.page() * query.size();
    params.put("limit", query.size());
    params.put("offset", offset);
    params.put("reach", offset + query.size());
    // mine and offered to me are two lists, each read in order from its own index (assignee's,
    // offered tasks') as far as the page reaches; an OR of both would read and sort them all
    List<String> sources =
        switch (query.view()) {
          case MINE -> List.of(MINE);
          case GROUP -> List.of(OFFERED);
          case ALL -> List.of(MINE, OFFERED + " and assignee is distinct from :me");
        };
    String pages =
        sources.stream()
            .map(who -> "(select " + COLUMNS + OPEN + who + filter + ORDER + " limit :reach)")
            .collect(Collectors.joining(" union all "));
    List<TaskRow> items =
        jdbc.sql("select * from (" + pages + ") t" + ORDER + " limit :limit offset :offset")
            .params(params)
            .query(this::row)
            .list();
    // counting stops past COUNTED (or past this page): an exact count of a large group's or
    // search's tasks would read them all on every request
    long cap = Math.max(COUNTED, offset + query.size());
    params.put("cap", cap + 1);
    String anyOf = sources.stream().map(w -> "(" + w + ")").collect(Collectors.joining(" or "));
    long counted =
        jdbc.sql(
                "select count(*) from (select 1"
                    + OPEN
                    + "("
                    + anyOf
                    + ")"
                    + filter
                    + " limit :cap) t")
            .params(params)
            .query(Long.class)
            .single();
    return new Page(items, Math.min(counted, cap), counted > cap, query.page(), query.size());
  }

  /** The query's filters as " and ..." clauses, their values put into params. */
  private static String filters(TaskQuery query, Map<String, Object> params) {
    var filters = new ArrayList<String>();
    if (query.processId() != null) {
      filters.add("process_id = :processId");
      params.put("processId", query.processId());
    }
    if (query.employeeNip() != null) {
      filters.add("employee_nip = :nip");
      params.put("nip", query.employeeNip());
    }
    if (query.periodYear() != null) {
      filters.add("period_year = :year");
      params.put("year", query.periodYear());
    }
    if (query.dueBefore() != null) {
      filters.add("due_date < :dueBefore");
      params.put("dueBefore", timestamp(query.dueBefore()));
    }
    if (query.text() != null && !query.text().isBlank()) {
      filters.add("(name ilike :text or process_id ilike :text)");
      params.put("text", "%" + query.text().replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return filters.stream().map(f -> " and " + f).collect(Collectors.joining());
  }

  /** Assigns an open task if it is unassigned (or already the person's); false otherwise. */
  public boolean assign(long key, String username) {
    return jdbc.sql(
                """
                update user_task set assignee = :user
                where task_key = :key and state = 'OPEN' and (assignee is null or assignee = :user)""")
            .param("key", key)
            .param("user", username)
            .update()
        == 1;
  }

  /** Gives an open task to another person, whoever had it; false when it is no longer open. */
  public boolean reassign(long key, String username) {
    return jdbc.sql(
                "update user_task set assignee = :user, acting_for = null where task_key = :key and state = 'OPEN'")
            .param("key", key)
            .param("user", username)
            .update()
        == 1;
  }

  public boolean unassign(long key, String username) {
    return jdbc.sql(
                "update user_task set assignee = null where task_key = :key and state = 'OPEN' and assignee = :user")
            .param("key", key)
            .param("user", username)
            .update()
        == 1;
  }

  public boolean end(long key, TaskState state, String by) {
    return jdbc.sql(
                """
                update user_task set state = :state, ended_at = :now, ended_by = :by
                where task_key = :key and state = 'OPEN'""")
            .param("now", timestamp(clock.now()))
            .param("key", key)
            .param("state", state.name())
            .param("by", by)
            .update()
        == 1;
  }

  /**
   * Open tasks of the process instances or of the employees, not confirmed with the engine since
   * the given time: the ones a step just taken in those instances may have ended.
   */
  public List<Long> openAround(
      Collection<Long> instances, Collection<String> employeeNips, Instant checkedBefore) {
    if (instances.isEmpty() && employeeNips.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select task_key from user_task where state = 'OPEN' and checked_at < :before
               and (process_instance_key = any(cast(:instances as bigint[]))
                    or employee_nip = any(cast(:nips as text[])))""")
        .param("before", timestamp(checkedBefore))
        .param(
            "instances",
            "{" + String.join(",", instances.stream().map(String::valueOf).toList()) + "}")
        .param("nips", textArray(List.copyOf(employeeNips)))
        .query(Long.class)
        .list();
  }

  /**
   * Where the work of an ended task went: the open tasks of its process instance, or of its
   * employee and year, that appeared after it.
   */
  public List<TaskRow> openAfter(TaskRow task) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from user_task where state = 'OPEN' and task_key <> :key and created_at >= :created"
                + " and (process_instance_key = :instance"
                + " or (employee_nip = :nip and period_year = :year))"
                + " order by created_at, task_key limit 5")
        .param("key", task.key())
        .param("created", timestamp(task.createdAt()))
        .param("instance", task.processInstanceKey())
        .param("nip", task.employeeNip())
        .param("year", task.periodYear())
        .query(this::row)
        .list();
  }

  /** A task someone was completing turned out to be ended by the engine already. */
  public void endedByEngine(long key) {
    jdbc.sql(
            "update user_task set state = 'CANCELED', ended_at = :now, ended_by = 'engine' where task_key = :key")
        .param("now", timestamp(clock.now()))
        .param("key", key)
        .update();
  }

  /** Open tasks not confirmed with the engine since the given time, oldest first. */
  public List<Long> uncheckedSince(Instant since, int limit) {
    return jdbc.sql(
            """
            select task_key from user_task where state = 'OPEN' and checked_at < :since
            order by checked_at limit :limit""")
        .param("since", timestamp(since))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  public void checked(long key) {
    jdbc.sql("update user_task set checked_at = now() where task_key = :key")
        .param("key", key)
        .update();
  }

  private TaskRow row(ResultSet rs, int n) throws SQLException {
    return new TaskRow(
        rs.getLong("task_key"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("process_id"),
        rs.getInt("process_version"),
        rs.getString("element_id"),
        rs.getString("name"),
        rs.getString("form_key"),
        rs.getString("assignee"),
        strings(rs.getArray("candidate_groups")),
        strings(rs.getArray("candidate_users")),
        instant(rs, "due_date"),
        instant(rs, "follow_up_date"),
        rs.getInt("priority"),
        fromJson(rs.getString("variables")),
        rs.getString("employee_nip"),
        (Integer) rs.getObject("period_year"),
        TaskState.valueOf(rs.getString("state")),
        instant(rs, "created_at"),
        instant(rs, "ended_at"),
        rs.getString("ended_by"),
        rs.getString("acting_for"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A PostgreSQL array literal: named parameters would expand a Java array into a list. */
  static String textArray(List<String> values) {
    var literal = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      literal.append(i == 0 ? "" : ",").append('"');
      literal.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""));
      literal.append('"');
    }
    return literal.append('}').toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : value.toString();
  }

  private static Integer intOrNull(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
