package id.kinerja.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many open tasks offered to one group, written straight into the tasklist (no engine instance
 * behind them), due a minute apart in the order of their names "Tinjau usulan 1", "2", ...
 */
public final class GroupTasks {

  /** Their process id, by which {@link #remove} finds them. */
  public static final String PROCESS_ID = "large-group";

  private GroupTasks() {}

  public static void offer(JdbcClient jdbc, String group, int count) {
    // checked far ahead: the reconciler would end tasks the engine does not know
    jdbc.sql(
            """
            insert into user_task (task_key, process_instance_key, process_definition_key, process_id,
              process_version, element_id, element_instance_key, name, candidate_groups, due_date,
              variables, checked_at)
            select 7100000000 + i, 7200000000 + i, 1, :processId, 1, 'review', 7300000000 + i,
                   'Tinjau usulan ' || i, array[:group], now() + i * interval '1 minute', '{}',
                   now() + interval '50 years'
              from generate_series(1, :count) i""")
        .param("processId", PROCESS_ID)
        .param("group", group)
        .param("count", count)
        .update();
  }

  public static void remove(JdbcClient jdbc) {
    jdbc.sql("delete from user_task where process_id = :processId")
        .param("processId", PROCESS_ID)
        .update();
  }
}
