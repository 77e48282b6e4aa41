package id.kinerja.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Issue 15's benchmark: a generated agency's whole year on the sandbox engine through the HTTP API,
 * then the bare sandbox engine doing the same number of process instances and jobs, figures to
 * bench/results/. Run with bench/run (README: Benchmark). Never fails for being slow.
 *
 * <p>System properties: bench.employees (2000), bench.users (50), bench.open-tasks (100000),
 * bench.stages (all, or a comma list of planning, monitoring, appeals, improvement, tasklist,
 * baseline: the year's stages need those before them), bench.results (bench/results),
 * bench.database (the database name's prefix; KINERJA_TEST_DB), bench.tasklist-rounds (20: each
 * user's rounds of five lists in each tasklist phase), bench.months (12: the monitoring stage's
 * months, e.g. 3 for a large agency's first quarter and its review), bench.jfr (false: a profile of
 * the application in target/bench/application.jfr).
 */
public final class AgencyYearBenchmark {

  final int employees = Integer.getInteger("bench.employees", 2000);
  final int users = Integer.getInteger("bench.users", 50);
  final int openTasks = Integer.getInteger("bench.open-tasks", 100_000);
  final Set<String> stages = stages(System.getProperty("bench.stages", "all"));
  final Path results = Path.of(System.getProperty("bench.results", "bench/results"));
  final String database = databaseName();
  final Report report = new Report();
  final Latencies latencies = new Latencies();

  /** The sandbox's heap: 1g by default; more lets a large run finish and its log be counted. */
  final String sandboxHeap = System.getProperty("bench.sandbox-heap", "4g");

  /** How many months the monitoring stage walks (the year: 12). */
  final int months = Integer.getInteger("bench.months", 12);

  final Duration stageTimeout =
      Duration.ofMinutes(Integer.getInteger("bench.stage-timeout-minutes", 30));

  public static void main(String[] args) throws Exception {
    new AgencyYearBenchmark().run();
    System.exit(0); // the HTTP client's and the virtual users' threads
  }

  private static Set<String> stages(String value) {
    var all = List.of("planning", "monitoring", "appeals", "improvement", "tasklist", "baseline");
    return value.equals("all")
        ? new TreeSet<>(all)
        : new TreeSet<>(Arrays.asList(value.split(",")));
  }

  private static String databaseName() {
    String prefix = System.getProperty("bench.database", "");
    if (prefix.isBlank() || prefix.equals("null") || prefix.startsWith("${")) {
      prefix = "kinerja_bench";
    }
    return prefix + "_year";
  }

  void run() throws Exception {
    Path work = Path.of("target/bench");
    report.machine();
    report.put("employees", employees);
    report.put("users", users);
    report.put("stagesRun", stages);
    try (var db =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/postgres", "postgres", "");
        var statement = db.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
    }
    String jdbcUrl = "jdbc:postgresql://localhost:5432/" + database;
    int control = Application.freePort();
    var properties = new LinkedHashMap<String, String>();
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("kinerja.engine.sandbox.gateway-port", Integer.toString(Application.freePort()));
    properties.put("kinerja.engine.sandbox.control-port", Integer.toString(control));
    properties.put(
        "kinerja.engine.sandbox.log-file",
        work.resolve("sandbox-engine.log").toAbsolutePath().toString());
    properties.put("kinerja.engine.sandbox.jvm-options", "-Xms256m,-Xmx" + sandboxHeap);
    report.put("sandboxHeap", sandboxHeap);
    properties.put("kinerja.mail.embedded.port", Integer.toString(Application.freePort()));
    // the one password the admin sets is hashed with 4 rounds instead of 10: signing in thousands
    // of people is not what this measures (SignInBenchmark does)
    properties.put("kinerja.security.password-strength", "4");

    GeneratedAgency agency = GeneratedAgency.of(employees, 15);
    report.put("units", agency.units().size());
    report.put("levels", agency.depth());
    System.out.printf(
        "Agency: %d employees in %d units, %d levels%n",
        employees, agency.units().size(), agency.depth());

    Application app =
        report.stage(
            "start the application",
            () -> Application.start(work.resolve("application.log"), properties));
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stop(app)));
    report.probe(() -> sandboxHeap(control));
    var peak = new AtomicLong(); // the application's VmHWM while it runs
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(Application.peakResidentBytes(app.pid()), Math::max),
        0,
        2,
        TimeUnit.SECONDS);
    AgencyYear year = null;
    try {
      year = new AgencyYear(agency, app.baseUrl(), jdbcUrl, latencies, users);
      AgencyYear people = year;
      report.stage(
          "import the organisation",
          () -> {
            people.importAgency();
            return null;
          });
      report.stage(
          "sign in everyone (once)",
          () -> {
            people.signInEveryone();
            return null;
          });
      fillers(people);
      walkTheYear(people, control);
      if (stages.contains("tasklist")) {
        tasklist(people);
      }
      long sent = people.count("select count(*) from notification_outbox where status = 'SENT'");
      report.put("notificationsSent", sent);
      report.put("databaseBytes", people.count("select pg_database_size(current_database())"));
      report.put(
          "databaseBytesPer1000Employees",
          people.count("select pg_database_size(current_database())") * 1000 / employees);
      report.put("tasksCompleted", people.completed.get());
      report.put("signInsAgain", people.signInsAgain.get());
      report.put("unknownSteps", people.unknownSteps);
      report.put("refusals", people.refusals);
      // the sandbox's own peak, before the counting copies its log
      report.put("sandboxPeakResidentBytes", sandboxHeap(control).get("peakResidentBytes"));
      Map<String, Object> counts = sandboxCounts(control);
      report.put("sandboxCounts", counts);
      yearFigures(people, counts);
      peak.accumulateAndGet(Application.peakResidentBytes(app.pid()), Math::max);
    } finally {
      sampler.shutdownNow();
      if (year != null) {
        year.close();
      }
      app.close();
    }
    report.put("applicationPeakResidentBytes", peak.get());
    if (stages.contains("baseline")) {
      baseline(work);
    }
    report.latencies(latencies.figures());
    report.write(results, employees);
  }

  /** Open tasks of no one in the agency, so that the year runs with the database at size. */
  private void fillers(AgencyYear people) throws Exception {
    int fillers = Math.max(0, openTasks);
    report.stage(
        "seed " + fillers + " open tasks",
        () -> {
          // checked far in the future: the reconciler would otherwise end these tasks, unknown to
          // the engine (the demo clock moves the engine's time by a year and a half)
          people.update(
              "insert into user_task (task_key, process_instance_key, process_definition_key,"
                  + " process_id, process_version, element_id, element_instance_key, name, assignee,"
                  + " candidate_groups, due_date, employee_nip, period_year, variables, checked_at)"
                  + " select 9000000000 + i, 8000000000 + i, 1, 'benchmark', 1, 'draft-skp',"
                  + " 7000000000 + i, 'Susun SKP', 'filler' || (i % 1000), '{}'::text[],"
                  + " now() + (i % 60 - 30) * interval '1 day', lpad((i % 1000)::text, 18, '0'),"
                  + " 2026 + i % 2, '{}', now() + interval '50 years'"
                  + " from generate_series(1, "
                  + fillers
                  + ") i");
          people.update("analyze user_task");
          return null;
        });
  }

  private void walkTheYear(AgencyYear people, int control) throws Exception {
    int year = LocalDate.ofInstant(people.now(), AgencyYear.WITA).getYear() + 1;
    report.put("periodYear", year);
    long notificationsBefore =
        people.count("select count(*) from notification_outbox where status = 'SENT'");
    Instant yearStart = Instant.now();
    yearSeconds = 0;
    long completedBefore = people.completed.get();
    if (!stages.contains("planning")) {
      return;
    }
    report.stage(
        "planning (20% returned once)",
        () -> {
          int started = people.openYear(year).path("started").size();
          report.note("planning", "performance years started: " + started);
          return people.work(
              () ->
                  count(
                          people,
                          "select count(*) from skp where period_year = "
                              + year
                              + " and status = 'APPROVED'")
                      >= employees,
              stageTimeout);
        });
    if (stages.contains("monitoring")) {
      for (int month = 1; month <= months; month++) {
        int m = month;
        String quarter = month % 3 == 0 ? (month == 12 ? "ANNUAL" : "Q" + month / 3) : null;
        String name =
            "month %02d check-ins%s"
                .formatted(
                    month,
                    quarter == null
                        ? ""
                        : quarter.equals("ANNUAL")
                            ? " + annual review with calibration"
                            : " + " + quarter + " review");
        report.stage(
            name,
            () -> {
              people.answers.month = m;
              people.advanceTo(
                  ZonedDateTime.of(
                      m == 12 ? year + 1 : year,
                      m == 12 ? 1 : m + 1,
                      1,
                      1,
                      0,
                      0,
                      0,
                      AgencyYear.WITA));
              return people.work(
                  () ->
                      count(
                                  people,
                                  "select count(*) from monitoring_checkin where period_year = "
                                      + year)
                              >= (long) employees * m
                          && (quarter == null
                              || count(
                                      people,
                                      "select count(*) from evaluation where period_year = "
                                          + year
                                          + " and period = '"
                                          + quarter
                                          + "' and status = 'DELIVERED'")
                                  >= employees),
                  stageTimeout);
            });
      }
      report.put("coachingRequests", people.count("select count(*) from coaching_request"));
    }
    if (stages.contains("appeals")) {
      report.stage("appeals (5%)", () -> appeals(people, year));
    }
    if (stages.contains("improvement")) {
      // the appeal window closes, the year's result is final: a result below Baik starts an
      // improvement period, reviewed six months later
      long below =
          count(
              people,
              "select count(*) from evaluation where period = 'ANNUAL' and period_year = "
                  + year
                  + " and predikat not in ('SANGAT_BAIK', 'BAIK')");
      report.stage(
          "improvement periods (six months, " + below + " people)",
          () -> {
            people.advance(Duration.ofDays(15));
            // a period's timer is set when its coaching has started (the request is written just
            // before): moving the clock before that would set the timer six months later
            boolean started =
                people.work(
                    () ->
                        count(
                                    people,
                                    "select count(*) from improvement_period where period_year = "
                                        + year)
                                >= below
                            && count(
                                    people,
                                    "select count(*) from coaching_request where reason = 'IMPROVEMENT_PERIOD'")
                                >= below,
                    stageTimeout);
            // then month by month, should a timer still have been set after the clock moved
            BooleanSupplier reviewed =
                () ->
                    count(
                            people,
                            "select count(*) from improvement_period where period_year = "
                                + year
                                + " and outcome is null")
                        == 0;
            people.advance(Duration.ofDays(186));
            for (int month = 0;
                month < 7 && !people.work(reviewed, Duration.ofSeconds(30));
                month++) {
              people.advance(Duration.ofDays(31));
            }
            return started && people.work(reviewed, stageTimeout);
          });
    }
    yearSeconds = Duration.between(yearStart, Instant.now()).toMillis() / 1000.0;
    yearNotifications =
        people.count("select count(*) from notification_outbox where status = 'SENT'")
            - notificationsBefore;
    yearTasks = people.completed.get() - completedBefore;
  }

  double yearSeconds;
  long yearNotifications;
  long yearTasks;

  /** The year's throughput, from the sandbox's counts of its log (read once, at the end). */
  private void yearFigures(AgencyYear people, Map<String, Object> counts) {
    if (yearSeconds == 0 || counts.containsKey("error")) {
      return; // no throughput, and no baseline to compare it with
    }
    double seconds = yearSeconds;
    long sent = yearNotifications;
    var figures = new LinkedHashMap<String, Object>();
    figures.put("seconds", seconds);
    figures.put("tasksCompleted", yearTasks);
    figures.put("processInstances", counts.get("processInstancesStarted"));
    figures.put("processInstancesCompleted", counts.get("processInstancesCompleted"));
    figures.put("jobs", counts.get("jobsCompleted"));
    figures.put(
        "processInstancesPerSecond",
        ((Number) counts.get("processInstancesStarted")).doubleValue() / seconds);
    figures.put("jobsPerSecond", ((Number) counts.get("jobsCompleted")).doubleValue() / seconds);
    figures.put("notificationsSent", sent);
    figures.put("notificationsPerSecond", sent / seconds);
    report.put("year", figures);
  }

  private boolean appeals(AgencyYear people, int year) throws Exception {
    var appellants = new ArrayList<String>();
    for (GeneratedAgency.Person p : people.agency.people()) {
      if (Answers.appeals(p.nip())) {
        appellants.add(p.nip());
      }
    }
    var filed = new AtomicLong();
    people.parallel(
        appellants,
        nip -> {
          Browser browser = people.browser(nip);
          for (var e :
              browser.json(
                  "GET /api/employees/{nip}/evaluations",
                  "/api/employees/" + nip + "/evaluations")) {
            if (e.path("periodYear").asInt() == year
                && e.path("period").asText().equals("ANNUAL")
                && e.path("status").asText().equals("DELIVERED")) {
              int status =
                  browser
                      .send(
                          "POST /api/evaluations/{id}/appeal",
                          "POST",
                          "/api/evaluations/" + e.path("id").asLong() + "/appeal",
                          Map.of(
                              "reasons",
                              "Seluruh check-in bulanan sesuai rencana dengan bukti dukung."))
                      .status();
              if (status == 201) {
                filed.incrementAndGet();
              }
            }
          }
          return 0;
        });
    report.note(
        "appeals", "appeals filed: " + filed.get() + " of " + appellants.size() + " planned");
    return people.work(
        // decided: the appeal's row is written by its process's worker, after the filing
        () ->
            count(
                    people,
                    "select count(*) from appeal a join evaluation e on e.id = a.evaluation_id"
                        + " where e.period_year = "
                        + year
                        + " and a.status <> 'OPEN'")
                >= filed.get(),
        stageTimeout);
  }

  /**
   * The tasklist at size: the filler tasks become the agency's (a tenth offered to its Pengelola
   * Kinerja's group, as the processes offer them: PENGELOLA_KINERJA:agency), then the virtual users
   * ask for their lists with each filter: first as people do, each about once a second (a list is
   * read before the next click), then without any pause, to find the most requests per second the
   * application answers.
   */
  private void tasklist(AgencyYear people) throws Exception {
    List<String> nips = people.agency.people().stream().map(GeneratedAgency.Person::nip).toList();
    people.update(
        "update user_task t set assignee = case when t.task_key % 10 = 0 then null else e.nip end,"
            + " candidate_groups = case when t.task_key % 10 = 0 then array['PENGELOLA_KINERJA:"
            + people.agency.code()
            + "'] else '{}'::text[] end,"
            + " employee_nip = e.nip from (select nip, row_number() over (order by nip) - 1 as n from employee"
            + " where nip in ("
            + String.join(",", nips.stream().map(n -> "'" + n + "'").toList())
            + ")) e"
            + " where t.process_id = 'benchmark' and (t.task_key % "
            + nips.size()
            + ") = e.n");
    people.update("analyze user_task");
    int rounds = Integer.getInteger("bench.tasklist-rounds", 20);
    for (var pause : List.of(Duration.ofSeconds(1), Duration.ZERO)) {
      String prefix = pause.isZero() ? "tasklist without pause: " : "tasklist: ";
      long start = System.nanoTime();
      report.stage(
          (pause.isZero()
                  ? "tasklist at size without pause: %d open tasks, %d users"
                  : "tasklist at size: %d open tasks, %d users, a request a second each")
              .formatted(openTasks, users),
          () -> {
            askForLists(people, nips, rounds, pause, prefix);
            return null;
          });
      if (pause.isZero()) {
        double seconds = (System.nanoTime() - start) / 1e9;
        report.put("tasklistRequestsPerSecond", latencies.count(prefix) / seconds);
      }
    }
  }

  private record Ask(Browser who, String metric, String path) {}

  private void askForLists(
      AgencyYear people, List<String> nips, int rounds, Duration pause, String prefix)
      throws Exception {
    int year = LocalDate.ofInstant(people.now(), AgencyYear.WITA).getYear();
    String due = Instant.now().toString();
    var askers = new ArrayList<String>();
    for (int u = 0; u < users; u++) {
      askers.add(nips.get((u * 7919) % nips.size()));
    }
    people.parallel(
        askers,
        nip -> {
          Browser browser = people.browser(nip);
          Browser officer = people.browser(people.officer);
          String someone = nips.get(Math.floorMod(nip.hashCode(), nips.size()));
          var lists =
              List.of(
                  new Ask(browser, "my tasks", "/api/tasks?view=MINE"),
                  new Ask(officer, "group tasks", "/api/tasks?view=GROUP"),
                  new Ask(
                      officer,
                      "filter period + overdue",
                      "/api/tasks?view=ALL&period=" + (year - 1) + "&dueBefore=" + due),
                  new Ask(officer, "filter employee", "/api/tasks?view=ALL&employee=" + someone),
                  new Ask(officer, "text search", "/api/tasks?view=ALL&q=susun"));
          // the users start spread over the first second, as people do
          Thread.sleep(pause.isZero() ? 0 : Math.floorMod(nip.hashCode(), 1000));
          for (int i = 0; i < rounds; i++) {
            for (Ask ask : lists) {
              long start = System.nanoTime();
              ask.who().get(prefix + ask.metric(), ask.path());
              long rest = pause.toNanos() - (System.nanoTime() - start);
              if (rest > 0) {
                Thread.sleep(Duration.ofNanos(rest));
              }
            }
          }
          return 0;
        });
  }

  private void baseline(Path work) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> year = (Map<String, Object>) report.get("year");
    if (year == null) {
      return;
    }
    long instances = ((Number) year.get("processInstances")).longValue();
    long jobs = ((Number) year.get("jobs")).longValue();
    BareEngine.Result bare =
        report.stage(
            "baseline: the bare sandbox engine",
            () ->
                BareEngine.run(
                    instances, jobs, users, sandboxHeap, work.resolve("bare-engine.log")));
    var figures = new LinkedHashMap<String, Object>();
    figures.put("seconds", bare.seconds());
    figures.put("processInstances", bare.instances());
    figures.put("jobs", bare.jobs());
    figures.put("jobsPerInstance", bare.jobsPerInstance());
    figures.put("processInstancesPerSecond", bare.instances() / bare.seconds());
    figures.put("jobsPerSecond", bare.jobs() / bare.seconds());
    figures.put("peakResidentBytes", bare.peakResidentBytes());
    figures.put("counts", bare.counts());
    figures.put(
        "applicationToBaselineRatio",
        ((Number) year.get("jobsPerSecond")).doubleValue() / (bare.jobs() / bare.seconds()));
    report.put("baseline", figures);
  }

  private static void stop(Application app) {
    try {
      app.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long count(AgencyYear people, String sql) {
    return people.count(sql);
  }

  /** The sandbox's live heap and peak resident memory; an error when it cannot say. */
  private static Map<String, Object> sandboxHeap(int control) {
    return sandboxControl(control, "/engine/heap", Duration.ofMinutes(1), "");
  }

  /**
   * The sandbox's counts of its log; an error when it could not count (its record stream keeps a
   * deserialised copy of the log, which a small heap does not hold: raise bench.sandbox-heap).
   */
  private static Map<String, Object> sandboxCounts(int control) {
    return sandboxControl(
        control, "/engine/counts", Duration.ofMinutes(15), "the sandbox could not count its log: ");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sandboxControl(
      int control, String path, Duration timeout, String failure) {
    try {
      return Browser.JSON.readValue(
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + path))
                      .timeout(timeout)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body(),
          Map.class);
    } catch (Exception e) {
      return Map.of("error", failure + e);
    }
  }
}
