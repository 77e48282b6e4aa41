package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.engine.Engine;
import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The bad-input corpus of src/test/resources/bad-input: every case is a request with the status it
 * must get, and no answer is a 500 or shows SQL, a stack trace or a class name; the API's refusals
 * are problem details with a message, and pages never echo markup they were sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends IntegrationTest {

  static final Path CORPUS = Path.of("src/test/resources/bad-input");

  /** The password of the corpus' own account, {user}. */
  static final String PASSWORD = "Korpus-Rahasia-2027";

  private static final Pattern SQL =
      Pattern.compile(
          "(?is)(\\b(select|insert|update|delete)\\b[^\"]{0,200}\\b(from|into|set|where)\\b)"
              + "|PSQLException|SQLState|syntax error at or near|violates .* constraint");
  private static final Pattern STACK = Pattern.compile("\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(java|javax|jakarta|org|com|io|id\\.kinerja)\\.[a-z0-9_]+\\.[\\w.$]*[A-Z]\\w*|\\w+Exception\\b");

  @LocalServerPort int port;
  @Autowired Engine engine;
  @Autowired Organisation organisation;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired Users users;
  @Autowired PasswordEncoder encoder;

  @Autowired RequestMappingHandlerMapping requestMappingHandlerMapping;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> placeholders = new HashMap<>();

  record Case(String source, String method, String path, String user, String body, int expected) {
    @Override
    public String toString() {
      return source + ": " + method + " " + abbreviated(path) + " as " + user + " -> " + expected;
    }
  }

  static Stream<Case> corpus() throws IOException {
    var cases = new ArrayList<Case>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".cases")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          String[] head = line.split("\\s*\\|\\s*", 4);
          int last = head[3].lastIndexOf('|');
          cases.add(
              new Case(
                  file.getFileName() + ":" + (i + 1),
                  head[0],
                  head[1],
                  head[2],
                  head[3].substring(0, last).strip(),
                  Integer.parseInt(head[3].substring(last + 1).strip())));
        }
      }
    }
    return cases.stream();
  }

  /**
   * The things the cases name: pegawai1's open task, an evidence file of it, a result, an account.
   */
  @BeforeAll
  void fixtures() throws Exception {
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();
    TaskRow draft = new People(store, tasks).draftSkp(engine, "pegawai1", "atasan1", nip, 2043);
    placeholders.put("{task}", String.valueOf(draft.key()));
    placeholders.put("{nip}", nip);
    String user = "korpus-" + UUID.randomUUID().toString().substring(0, 8);
    users.save(user, encoder.encode(PASSWORD), null, List.of(Role.PEGAWAI));
    placeholders.put("{user}", user);
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by) values ('SEKSI-LIP', 2043, 'Q3', 'test') returning id")
            .query(Long.class)
            .single();
    long evaluation =
        jdbc.sql(
                """
                insert into evaluation (unit_review_id, employee_nip, period_year, period, rater_nip, rater_username,
                                        decider_username, predikat, status, delivered_at, appeal_deadline)
                values (?, ?, 2043, 'Q3', '199001012015031099', 'penilai-korpus', 'atasan-korpus', 'BAIK',
                        'DELIVERED', now(), date '2100-01-01') returning id""")
            .params(review, nip)
            .query(Long.class)
            .single();
    placeholders.put("{evaluation}", String.valueOf(evaluation));
    HttpResponse<String> uploaded =
        send(
            new Case(
                "fixture",
                "POST",
                "/api/tasks/{task}/evidence",
                "pegawai1",
                "multipart:file=@bukti.pdf",
                201));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    placeholders.put(
        "{evidence}", uploaded.body().replaceAll("(?s).*\"evidenceId\":\"([^\"]+)\".*", "$1"));
    placeholders.put("{review}", String.valueOf(review));
    documents(nip);
    placeholders.put("{acting}", String.valueOf(actingToday()));
    placeholders.put("{export}", finishedExport());
  }

  /** An approved SKP of pegawai1 ({skp}) and the verification code of its document ({code}). */
  private void documents(String nip) throws Exception {
    long skp =
        jdbc.sql(
                "insert into skp (employee_nip, period_year, process_instance_key, status, approach) values (?, 2043, ?, 'APPROVED', 'KUANTITATIF') returning id")
            .params(nip, -System.nanoTime())
            .query(Long.class)
            .single();
    placeholders.put("{skp}", String.valueOf(skp));
    HttpResponse<String> pdf =
        send(new Case("fixture", "GET", "/api/skp/{skp}/document.pdf", "pegawai1", "-", 200));
    assertThat(pdf.statusCode()).as(abbreviated(pdf.body())).isEqualTo(200);
    placeholders.put(
        "{code}",
        jdbc.sql(
                "select verification_code from issued_document where kind = 'SKP' and subject_id = ? order by id desc limit 1")
            .param(skp)
            .query(String.class)
            .single());
  }

  /**
   * An acting official for a post of the corpus' own (one who rates nobody) from yesterday to next
   * month, for ending it.
   */
  private long actingToday() {
    return jdbc.sql(
            """
            insert into acting_official (holder_employee_id, acting_employee_id, kind, starts_on, ends_on, reason, created_by)
            values ((select id from employee where nip = '199607292021031024'),
                    (select id from employee where nip = '199404042019032023'),
                    'PLH', current_date - 1, current_date + 30, 'korpus', 'test') returning id""")
        .query(Long.class)
        .single();
  }

  /** A finished background export of pengelola-kominfo. */
  private String finishedExport() throws Exception {
    HttpResponse<String> started =
        send(
            new Case(
                "fixture",
                "POST",
                "/api/exports",
                "pengelola-kominfo",
                "{\"kind\":\"SKP\",\"unit\":\"SEKSI-LIP\",\"year\":2043,\"format\":\"csv\"}",
                202));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = started.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select status from export_job where id = ?::uuid")
                    .param(id)
                    .query(String.class)
                    .single(),
            "DONE"::equals);
    return id;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyBadInputGetsItsAnswerAndGivesNothingAway(Case c) throws Exception {
    HttpResponse<String> response = send(c);
    String body = response.body();
    String type = response.headers().firstValue("Content-Type").orElse("");

    assertThat(response.statusCode()).as(c + "\n" + abbreviated(body)).isEqualTo(c.expected());
    assertThat(response.statusCode()).isNotEqualTo(500);
    assertThat(SQL.matcher(body).find()).as("SQL in " + abbreviated(body)).isFalse();
    assertThat(STACK.matcher(body).find()).as("stack trace in " + abbreviated(body)).isFalse();
    // what an external entity or a path outside would have read (XXE, traversal)
    assertThat(body).as("a server file in " + abbreviated(body)).doesNotContain("root:x:0:0:");
    if (!type.contains("xml")) { // a diagram's own namespaces look like class names
      Matcher name = CLASS_NAME.matcher(body);
      assertThat(name.find())
          .as("class name %s in %s", name.hasMatch() ? name.group() : "", abbreviated(body))
          .isFalse();
    }
    if (c.path().startsWith("/api/") && response.statusCode() >= 400 && !refusedByTomcat(body)) {
      assertThat(type).as(abbreviated(body)).contains("json");
      // a problem detail, or a report of what was wrong (an import's rows, a deployment's files)
      assertThat(body).containsAnyOf("\"detail\":\"", "\"errors\":[{", "\"problems\":[{");
    }
    if (type.contains("html")) {
      assertThat(body).doesNotContain("<script>alert(1)</script>", "<img src=x onerror");
    }
  }

  /**
   * Tomcat itself refuses a path with an encoded NUL before the application sees it, with a bare
   * status page of its own: nothing of the application, but no problem detail either.
   */
  private static boolean refusedByTomcat(String body) {
    return body.startsWith("<!doctype html><html lang=\"en\"><head><title>HTTP Status 400");
  }

  /** Every endpoint the application maps is tried: the corpus names at least one request for it. */
  @Test
  void everyEndpointOfTheApplicationIsInTheCorpus() throws IOException {
    List<Case> cases = corpus().toList();
    var missing = new ArrayList<String>();
    var endpoints = new ArrayList<String>();
    var callers = new TreeSet<String>();
    requestMappingHandlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!method.getBeanType().getPackageName().startsWith("id.kinerja")) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                for (var verb :
                    info.getMethodsCondition().getMethods().isEmpty()
                        ? Set.of(RequestMethod.GET)
                        : info.getMethodsCondition().getMethods()) {
                  String endpoint = verb + " " + pattern;
                  endpoints.add(endpoint);
                  PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                  List<Case> tried =
                      cases.stream()
                          .filter(c -> c.method().equals(verb.name()))
                          .filter(
                              c ->
                                  parsed.matches(
                                      PathContainer.parsePath(
                                          fill(expand(c.path())).replaceFirst("\\?.*", ""))))
                          .toList();
                  if (tried.isEmpty()) {
                    missing.add(endpoint);
                  }
                  tried.forEach(
                      c -> callers.add(endpoint + " as " + c.user().replaceAll("[/:].*", "")));
                }
              }
            });

    assertThat(missing).as("endpoints without bad input").isEmpty();
    System.out.printf(
        "Bad-input corpus: %d cases, %d endpoints, %d endpoint x caller pairs%n",
        cases.size(), endpoints.size(), callers.size());
  }

  private HttpResponse<String> send(Case c) throws Exception {
    String path = fill(c.path());
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + expand(path)))
            .timeout(Duration.ofSeconds(30));
    String user = c.user();
    if (user.contains("/")) { // user/<Accept-Language>
      request.header("Accept-Language", user.substring(user.indexOf('/') + 1));
      user = user.substring(0, user.indexOf('/'));
    }
    if (!"-".equals(user)) {
      String credentials =
          user.contains(":") ? user : user + ":" + ("{user}".equals(user) ? PASSWORD : "demo");
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(fill(expand(credentials)).getBytes(StandardCharsets.UTF_8)));
    }
    Body body = body(fill(c.body()));
    if (body.type() != null) {
      request.header("Content-Type", body.type());
    }
    request.method(
        c.method(),
        body.bytes() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  record Body(String type, byte[] bytes) {}

  private static Body body(String spec) throws IOException {
    if ("-".equals(spec)) {
      return new Body(null, null);
    }
    if (spec.startsWith("multipart:")) {
      return multipart(spec.substring("multipart:".length()));
    }
    for (var prefix :
        Map.of(
                "text:", "text/plain; charset=UTF-8",
                "xml:", "application/xml",
                "form:", "application/x-www-form-urlencoded")
            .entrySet()) {
      if (spec.startsWith(prefix.getKey())) {
        return new Body(prefix.getValue(), utf8(expand(spec.substring(prefix.getKey().length()))));
      }
    }
    if (spec.startsWith("type:")) {
      int end = spec.indexOf(':', "type:".length() + 1);
      String type = spec.substring("type:".length(), end);
      if (type.startsWith(
          "multipart")) { // "multipart/form-data; boundary=b": the colon comes later
        end = spec.indexOf(':', spec.indexOf("boundary="));
        type = spec.substring("type:".length(), end);
      }
      String content = expand(spec.substring(end + 1)).replace("\\r", "\r").replace("\\n", "\n");
      return new Body(type, utf8(content));
    }
    return new Body("application/json", utf8(expand(spec)));
  }

  /** field=@file[*times][:name sent];... with the files of the corpus, a file repeated times. */
  private static Body multipart(String parts) throws IOException {
    String boundary = "korpus" + UUID.randomUUID().toString().replace("-", "");
    var out = new ByteArrayOutputStream();
    for (String part : parts.split(";")) {
      String field = part.substring(0, part.indexOf('='));
      String file = part.substring(part.indexOf('@') + 1);
      String sent = null;
      if (file.contains(":")) {
        sent = expand(file.substring(file.indexOf(':') + 1));
        file = file.substring(0, file.indexOf(':'));
      }
      int times = 1;
      if (file.contains("*")) { // an oversize upload, made here rather than kept in the corpus
        times = Integer.parseInt(file.substring(file.indexOf('*') + 1));
        file = file.substring(0, file.indexOf('*'));
      }
      if (sent == null) {
        sent = file;
      }
      out.write(
          utf8(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + sent
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
      byte[] content = Files.readAllBytes(CORPUS.resolve("files").resolve(file));
      for (int i = 0; i < times; i++) {
        out.write(content);
      }
      out.write(utf8("\r\n"));
    }
    out.write(utf8("--" + boundary + "--\r\n"));
    return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private String fill(String text) {
    String filled = text;
    for (var entry : placeholders.entrySet()) {
      filled = filled.replace(entry.getKey(), entry.getValue());
    }
    return filled;
  }

  private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.*?):(\\d+)}}");

  /** {{repeat:text:n}}: the text n times. */
  static String expand(String text) {
    Matcher matcher = REPEAT.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(matcher.group(1).repeat(Integer.parseInt(matcher.group(2)))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String abbreviated(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  static {
    if (!Files.isDirectory(CORPUS)) {
      throw new UncheckedIOException(new IOException("No corpus at " + CORPUS.toAbsolutePath()));
    }
  }
}
