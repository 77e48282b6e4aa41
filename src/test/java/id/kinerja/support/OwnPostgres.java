package id.kinerja.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary folder, a free port, trust
 * authentication for user postgres), so that the test can stop and start it without disturbing the
 * database every other test uses. Run with the binaries under /usr/lib/postgresql/N/bin; as the
 * current user, or as the system user postgres when that is root (PostgreSQL refuses to run as
 * root).
 */
public final class OwnPostgres implements AutoCloseable {

  private final Path bin;
  private final Path home;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private OwnPostgres(Path bin, Path home, int port) {
    this.bin = bin;
    this.home = home;
    this.data = home.resolve("data");
    this.port = port;
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
  }

  /** Creates the cluster and starts it. */
  public static OwnPostgres start() {
    try {
      Path home = Files.createTempDirectory("kinerja-own-postgres");
      var postgres = new OwnPostgres(binaries(), home, AppProcess.freePort());
      if (postgres.asPostgresUser) {
        postgres.run(List.of("chown", "postgres", home.toString()), false);
      }
      postgres.run(
          List.of(
              postgres.bin.resolve("initdb").toString(),
              "-D",
              postgres.data.toString(),
              "-U",
              "postgres",
              "-A",
              "trust",
              "--no-sync"),
          true);
      postgres.startAgain();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Stops the server as an administrator would (fast: open connections are ended). */
  public void stop() {
    run(
        List.of(
            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"),
        true);
  }

  /** Starts the server and waits until it accepts connections. */
  public void startAgain() {
    String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off";
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            home.resolve("server.log").toString(),
            "-o",
            options,
            "-w",
            "start"),
        true);
  }

  @Override
  public void close() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        stop();
      }
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void run(List<String> command, boolean asServerUser) {
    var line = new ArrayList<String>();
    if (asServerUser && asPostgresUser) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(command);
    try {
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("commands.log").toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed:\n"
                + Files.readString(home.resolve("commands.log"))
                + (Files.exists(home.resolve("server.log"))
                    ? "\nserver log:\n" + Files.readString(home.resolve("server.log"))
                    : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The newest PostgreSQL installed under /usr/lib/postgresql. */
  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql"));
    }
  }
}
