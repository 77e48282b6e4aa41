package id.kinerja.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The people of the generated agency at work through the HTTP API: each signed in once with a
 * session, a fixed pool of virtual users (50) doing whatever tasks are open. Who has open tasks is
 * read from the database (in real life each is told by mail); every list, detail, claim and
 * completion goes through the API. The database is otherwise only observed: to know when a stage is
 * done and to count.
 */
final class AgencyYear {

  static final String PASSWORD = "Sandi-Uji-Beban-2027";
  static final ZoneOffset WITA = ZoneOffset.ofHours(8);

  final String officer;
  final GeneratedAgency agency;
  private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
  private final HttpClient http = Browser.client();
  private final String base;
  private final Latencies latencies;
  private final ExecutorService users;
  private final String jdbcUrl;
  final Answers answers = new Answers();
  final Set<String> unknownSteps = ConcurrentHashMap.newKeySet();
  final Map<String, String> refusals = new ConcurrentHashMap<>();
  final AtomicLong completed = new AtomicLong();
  final AtomicInteger signInsAgain = new AtomicInteger();
  final Browser admin;

  AgencyYear(GeneratedAgency agency, String base, String jdbcUrl, Latencies latencies, int users) {
    this.agency = agency;
    this.base = base;
    this.jdbcUrl = jdbcUrl;
    this.latencies = latencies;
    this.users = Executors.newFixedThreadPool(users);
    // the first staff member of the agency's own unit is its Pengelola Kinerja
    this.officer = agency.people().get(1).nip();
    this.admin = new Browser(http, base, latencies, "admin").signIn("demo");
  }

  /** The organisation import, the officials, the officer's role and one password for everyone. */
  void importAgency() {
    Browser.Answer imported =
        admin.upload(
            "POST /api/organisation/import",
            "/api/organisation/import?dryRun=false",
            Map.of("units", agency.unitsCsv(), "employees", agency.employeesCsv()));
    if (imported.status() != 200) {
      throw new IllegalStateException("import: " + imported.status() + " " + imported.text());
    }
    for (var official :
        List.of(
            List.of("RATER", "sekda", "Sekretaris Daerah"),
            List.of("APPEAL_DECIDER", "walikota", "Wali Kota"))) {
      expect(
          admin.send(
              "PUT officials",
              "PUT",
              "/api/organisation/agencies/" + agency.code() + "/officials/" + official.get(0),
              Map.of(
                  "username", official.get(1),
                  "name", "Pejabat " + official.get(1),
                  "position", official.get(2))),
          200);
    }
    expect(
        admin.send(
            "PUT roles",
            "PUT",
            "/api/admin/users/" + officer + "/roles",
            Map.of("roles", List.of("PEGAWAI", "PENGELOLA_KINERJA"))),
        200);
    // the admin gives one account its password; the others get the same hash (BCrypt is slow on
    // purpose, and setting thousands of passwords is not what the benchmark measures)
    String first = agency.people().get(0).nip();
    expect(
        admin.send(
            "PUT password",
            "PUT",
            "/api/admin/users/" + first + "/password",
            Map.of("password", PASSWORD)),
        204);
    update(
        "update app_user set password_hash = (select password_hash from app_user where username = '"
            + first
            + "') where employee_id in (select e.id from employee e join org_unit u on u.id = e.unit_id"
            + " where u.code like '"
            + agency.code()
            + "%')");
  }

  /** Everyone signs in once, through the login form, 50 at a time. */
  void signInEveryone() throws Exception {
    parallel(
        agency.people().stream().map(GeneratedAgency.Person::nip).toList(),
        nip -> {
          browsers.put(nip, new Browser(http, base, latencies, nip).signIn(PASSWORD));
          return 0;
        });
    for (String official : List.of("sekda", "walikota")) {
      browsers.put(official, new Browser(http, base, latencies, official).signIn("demo"));
    }
  }

  Browser browser(String username) {
    return browsers.get(username);
  }

  Instant now() {
    return Instant.parse(admin.json("GET /api/clock", "/api/clock").path("now").asText());
  }

  /** The demo clock, as the admin moves it, to one in the morning (WITA) of the day given. */
  void advanceTo(ZonedDateTime target) {
    advance(Duration.between(now(), target.toInstant()));
  }

  void advance(Duration duration) {
    long hours = Math.max(0, duration.toHours());
    expect(
        admin.send(
            "POST /api/demo/clock",
            "POST",
            "/api/demo/clock",
            Map.of("days", (int) (hours / 24), "hours", (int) (hours % 24))),
        200);
  }

  JsonNode openYear(int year) {
    Browser.Answer opened =
        browsers
            .get(officer)
            .send(
                "POST /api/periods",
                "POST",
                "/api/periods",
                Map.of("unitCode", agency.code(), "year", year));
    expect(opened, 200);
    return opened.json();
  }

  /**
   * Rounds of work until the stage is done: in each round everyone with an open task (the officer
   * for the group's) opens their list and does what is there. Done when the condition holds after a
   * round in which nobody had anything left to do; false when the timeout came first.
   */
  boolean work(BooleanSupplier done, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    int idle = 0;
    while (Instant.now().isBefore(deadline)) {
      String now = now().toString();
      List<String> who = peopleWithOpenTasks();
      int did = parallel(who, username -> doTasks(username, now)).stream().mapToInt(i -> i).sum();
      if (did == 0) {
        if (done.getAsBoolean()) {
          return true;
        }
        if (++idle >= 6) {
          // respondents outside the generated agency (the demo's officials) never answer: a
          // 360 round that waits only for them holds its ratings until its deadline. Not while a
          // busy sandbox is still creating rounds: their choice would lapse, and everyone proposed
          // would be asked (one run did 1,577 more tasks than the same run before it)
          idle = 0;
          if (count(ROUNDS_WITHOUT_CHOICE) == 0) {
            openRoundDeadline().ifPresent(d -> advance(Duration.between(now(), d).plusHours(1)));
          }
        }
        Thread.sleep(500); // the engine and the workers are between two human steps
      } else {
        idle = 0;
      }
    }
    return false;
  }

  /** Open 360 rounds whose rater has not been asked to choose respondents yet. */
  private static final String ROUNDS_WITHOUT_CHOICE =
      """
      select count(*) from feedback_round r where r.closed_at is null
         and not exists (select 1 from user_task t
                          where t.process_instance_key = r.process_instance_key
                            and t.element_id = 'choose-respondents')""";

  /** The earliest deadline of a 360 round still open, if it lies ahead on the engine's clock. */
  private Optional<Instant> openRoundDeadline() {
    try (Connection db = connect();
        var rows =
            db.createStatement()
                .executeQuery(
                    "select min(deadline) from feedback_round where closed_at is null and deadline is not null")) {
      Instant earliest =
          rows.next() && rows.getTimestamp(1) != null ? rows.getTimestamp(1).toInstant() : null;
      return Optional.ofNullable(earliest).filter(d -> d.isAfter(now()));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> peopleWithOpenTasks() {
    var who = new ArrayList<String>();
    try (Connection db = connect();
        var rows =
            db.createStatement()
                .executeQuery(
                    "select distinct coalesce(assignee, '@group') from user_task where state = 'OPEN'"
                        + " and process_id <> 'benchmark'")) {
      while (rows.next()) {
        String user = rows.getString(1);
        if (user.equals("@group")) {
          user = officer;
        }
        if (browsers.containsKey(user) && !who.contains(user)) {
          who.add(user);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return who;
  }

  /** One person's list (and the officer's group list): open, claim where offered, complete. */
  private int doTasks(String username, String now) {
    Browser browser = browsers.get(username);
    var lists = new ArrayList<String>(List.of("/api/tasks?view=MINE&size=50"));
    if (username.equals(officer)) {
      lists.add("/api/tasks?view=GROUP&size=50");
    }
    int did = 0;
    for (String list : lists) {
      String metric =
          list.contains("GROUP") ? "GET /api/tasks (group tasks)" : "GET /api/tasks (my tasks)";
      Browser.Answer page = browser.get(metric, list);
      if (page.status() == 401 || page.status() == 302) { // the session expired: sign in again
        signInsAgain.incrementAndGet();
        browser = new Browser(http, base, latencies, username).signIn(password(username));
        browsers.put(username, browser);
        page = browser.get(metric, list);
      }
      for (JsonNode item : page.json().path("items")) {
        if (item.path("processId").asText().equals("benchmark")) {
          continue;
        }
        long id = item.path("id").asLong();
        Browser.Answer opened = browser.get("GET /api/tasks/{id}", "/api/tasks/" + id);
        if (opened.status() != 200) {
          continue; // completed or cancelled meanwhile
        }
        JsonNode detail = opened.json();
        Map<String, Object> values = answers.valuesFor(detail, now);
        String element = detail.path("elementId").asText();
        if (values == null) {
          if (unknownSteps.add(item.path("processId").asText() + "/" + element)) {
            System.out.println("A step the benchmark does not know: " + element);
          }
          continue;
        }
        if (item.path("assignee").asText("").isEmpty()) {
          Browser.Answer claimed =
              browser.send(
                  "POST /api/tasks/{id}/claim", "POST", "/api/tasks/" + id + "/claim", null);
          if (claimed.status() != 200) {
            continue;
          }
        }
        Browser.Answer answer =
            browser.send(
                "POST /api/tasks/{id}/complete", "POST", "/api/tasks/" + id + "/complete", values);
        if (answer.status() == 204) {
          completed.incrementAndGet();
          did++;
        } else if (answer.status() != 404 && answer.status() != 409) {
          if (refusals.putIfAbsent(element + " " + answer.status(), answer.text()) == null) {
            System.out.println("Refused: " + element + " " + answer.status() + " " + answer.text());
          }
        }
      }
    }
    return did;
  }

  private static String password(String username) {
    return username.equals("sekda") || username.equals("walikota") ? "demo" : PASSWORD;
  }

  interface Job {
    int run(String username) throws Exception;
  }

  /** The virtual users: at most 50 people at once. */
  List<Integer> parallel(List<String> people, Job job) throws Exception {
    var futures = new ArrayList<Future<Integer>>();
    for (String person : people) {
      futures.add(users.submit(() -> job.run(person)));
    }
    var results = new ArrayList<Integer>();
    for (Future<Integer> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  long count(String sql) {
    try (Connection db = connect();
        var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void update(String sql) {
    try (Connection db = connect();
        var statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  private static void expect(Browser.Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException(
          "expected " + status + ", got " + answer.status() + ": " + answer.text());
    }
  }

  void close() {
    users.shutdownNow();
  }
}
