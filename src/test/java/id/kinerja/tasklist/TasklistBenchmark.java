package id.kinerja.tasklist;

import id.kinerja.support.IntegrationTest;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the task lists behave at the size of a large agency: 10,000 employees and 100,000 open tasks.
 * Not part of the test suite (the name does not end in Test); run it with {@code
 * KINERJA_TEST_DB=kinerja_bench ./kinerja mvn test -DskipNpm -Dtest=TasklistBenchmark}. The figures
 * go to target/benchmarks/tasklist.md; nothing here fails on time.
 */
class TasklistBenchmark extends IntegrationTest {

  static final int TASKS = 100_000;
  static final int EMPLOYEES = 10_000;
  static final int RUNS = 50;

  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;

  @Test
  void listQueriesAtAgencySize() throws IOException {
    jdbc.sql("delete from user_task where process_id = 'benchmark'").update();
    // checked in the future: the reconciler would otherwise end these tasks, unknown to the
    // engine, while they are measured
    long start = System.nanoTime();
    jdbc.sql(
            """
            insert into user_task (task_key, process_instance_key, process_definition_key, process_id, process_version,
              element_id, element_instance_key, name, assignee, candidate_groups, due_date, employee_nip, period_year, variables,
              checked_at)
            select 9000000000 + i, 8000000000 + i, 1, 'benchmark', 1, 'draft-skp', 7000000000 + i, 'Susun SKP',
                   case when i % 10 = 0 then null else 'user' || (i % :employees) end,
                   case when i % 10 = 0 then array['PENGELOLA_KINERJA'] else '{}'::text[] end,
                   now() + (i % 60 - 30) * interval '1 day', lpad((i % :employees)::text, 18, '0'), 2026 + i % 2, '{}',
                   now() + interval '1 day'
              from generate_series(1, :tasks) i""")
        .param("tasks", TASKS)
        .param("employees", EMPLOYEES)
        .update();
    jdbc.sql("analyze user_task").update();
    double loadSeconds = (System.nanoTime() - start) / 1e9;

    Viewer employee = new Viewer("user42", List.of("PEGAWAI"));
    Viewer officer = new Viewer("pengelola-bench", List.of("PEGAWAI", "PENGELOLA_KINERJA"));
    var lines = new ArrayList<String>();
    lines.add("# Tasklist benchmark");
    lines.add("");
    lines.add(
        "%d open tasks for %d employees (10%% offered to PENGELOLA_KINERJA), loaded in %.1f s; %d runs each, PostgreSQL on localhost."
            .formatted(TASKS, EMPLOYEES, loadSeconds, RUNS));
    lines.add("");
    lines.add("| query | rows on page | total | p50 ms | p95 ms |");
    lines.add("|---|---|---|---|---|");
    measure(
        lines,
        "my tasks, page 1",
        () ->
            store.search(
                new TaskQuery(TaskQuery.View.MINE, null, null, null, null, null, 0, 25), employee));
    measure(
        lines,
        "group tasks, page 1",
        () ->
            store.search(
                new TaskQuery(TaskQuery.View.GROUP, null, null, null, null, null, 0, 25), officer));
    measure(
        lines,
        "group tasks, page 200",
        () ->
            store.search(
                new TaskQuery(TaskQuery.View.GROUP, null, null, null, null, null, 199, 25),
                officer));
    measure(
        lines,
        "all, overdue, period 2026",
        () ->
            store.search(
                new TaskQuery(TaskQuery.View.ALL, null, null, 2026, Instant.now(), null, 0, 25),
                officer));
    measure(
        lines,
        "all, by employee NIP",
        () ->
            store.search(
                new TaskQuery(
                    TaskQuery.View.ALL, null, "000000000000000040", null, null, null, 0, 25),
                officer));
    measure(
        lines,
        "all, text search",
        () ->
            store.search(
                new TaskQuery(TaskQuery.View.ALL, null, null, null, null, "susun", 0, 25),
                officer));

    jdbc.sql("delete from user_task where process_id = 'benchmark'").update();
    Path out = Path.of("target/benchmarks/tasklist.md");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
    System.out.println(String.join("\n", lines));
  }

  private void measure(List<String> lines, String name, Supplier<TaskStore.Page> query) {
    query.get(); // warm up
    long[] millis = new long[RUNS];
    TaskStore.Page page = null;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      page = query.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    lines.add(
        "| %s | %d | %d | %d | %d |"
            .formatted(
                name,
                page.items().size(),
                page.total(),
                millis[RUNS / 2],
                millis[(int) (RUNS * 0.95)]));
  }
}
