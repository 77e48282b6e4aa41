package id.kinerja.identity;

import id.kinerja.coaching.TestAgency;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What signing in costs a script: GET /api/tasks by 50 concurrent clients with HTTP Basic (a BCrypt
 * check per request, at the production strength of 10 rounds), with signed-in sessions (as
 * browsers) and with API tokens. Not part of the test suite (the name does not end in Test); run it
 * with {@code KINERJA_TEST_DB=kinerja_bench ./kinerja mvn test -DskipNpm -Dtest=SignInBenchmark}.
 * The figures go to target/benchmarks/sign-in.md; nothing fails on time.
 */
class SignInBenchmark extends IntegrationTest {

  static final int CLIENTS = 50;
  static final int REQUESTS_PER_CLIENT = 40;
  static final String PASSWORD = "Benchmark-Sandi-2027";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApiTokens tokens;

  record Figures(String way, int requests, double seconds, long p50, long p95, long p99) {}

  @Test
  void basicSessionsAndTokensUnderFiftyClients() throws Exception {
    var agency = new TestAgency(jdbc);
    String user = agency.person("bench", "III/a", null).username();
    jdbc.sql("update app_user set password_hash = :hash where username = :user")
        .param("hash", new BCryptPasswordEncoder(10).encode(PASSWORD))
        .param("user", user)
        .update();
    String token = tokens.create(user, "benchmark", 1, user).secret();
    HttpClient http = HttpClient.newHttpClient();
    String basic =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      sessions.add(Session.signIn(port, user, PASSWORD));
    }

    var results = new ArrayList<Figures>();
    results.add(run("HTTP Basic", client -> () -> header(http, basic)));
    results.add(
        run("Session (browser)", client -> () -> sessions.get(client).page("/api/tasks").status()));
    results.add(run("API token (bearer)", client -> () -> header(http, "Bearer " + token)));

    var lines = new ArrayList<String>();
    lines.add("# Signing in: HTTP Basic, sessions and API tokens");
    lines.add("");
    lines.add(
        "GET /api/tasks, %d concurrent clients x %d requests, BCrypt strength 10, %d cores, %s."
            .formatted(
                CLIENTS,
                REQUESTS_PER_CLIENT,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
    lines.add("");
    lines.add("| way | requests | requests/s | p50 ms | p95 ms | p99 ms |");
    lines.add("|---|---:|---:|---:|---:|---:|");
    for (Figures f : results) {
      lines.add(
          "| %s | %d | %.0f | %d | %d | %d |"
              .formatted(
                  f.way(), f.requests(), f.requests() / f.seconds(), f.p50(), f.p95(), f.p99()));
    }
    Path out = Path.of("target/benchmarks/sign-in.md");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
    lines.forEach(System.out::println);
  }

  private int header(HttpClient http, String authorization)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private Figures run(String way, IntFunction<Callable<Integer>> request) throws Exception {
    List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      var done = new ArrayList<Future<?>>();
      for (int c = 0; c < CLIENTS; c++) {
        Callable<Integer> call = request.apply(c);
        done.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    long t = System.nanoTime();
                    int status = call.call();
                    if (status != 200) {
                      throw new IllegalStateException(way + " answered " + status);
                    }
                    millis.add((System.nanoTime() - t) / 1_000_000);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Figures(
        way, sorted.size(), seconds, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }
}
