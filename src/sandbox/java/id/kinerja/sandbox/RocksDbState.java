package id.kinerja.sandbox;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gives the sandbox engine the state store of Camunda 8's brokers, RocksDB, in place of
 * zeebe-process-test's in-memory one. That one copies the whole state into a new TreeMap for every
 * scan and then walks to its end (every variable lookup of a scope is a scan), so each command cost
 * more as the live state grew: at 2,000 employees the sandbox started 1.5 performance years a
 * second and spent its core copying maps. RocksDB seeks by prefix. The state lives in a temporary
 * directory deleted when the engine stops: the sandbox still keeps nothing across restarts. Swapped
 * before the engine starts, when its stream processor first opens the state.
 */
public final class RocksDbState {

  /** Write buffers and block cache, off the heap. */
  private static final long MEMORY_LIMIT = 128L * 1024 * 1024;

  private RocksDbState() {}

  /**
   * Before the engine starts. Returns the state's directory, to {@link #delete} once the engine has
   * stopped; empty (and a line on stderr) where the engine is not as expected, which then runs with
   * its own store.
   */
  public static Optional<Path> install(ZeebeTestEngine engine) {
    Path directory;
    try {
      directory = Files.createTempDirectory("kinerja-sandbox-state");
    } catch (IOException e) {
      System.err.println("No directory for the sandbox's RocksDB state: " + e);
      return Optional.empty();
    }
    try {
      Object streamProcessor = EngineFields.get(engine, "streamProcessor");
      ZeebeDb<?> inMemory = (ZeebeDb<?>) EngineFields.get(streamProcessor, "zeebeDb");
      ZeebeDb<ZbColumnFamilies> rocksDb =
          new ZeebeRocksDbFactory<ZbColumnFamilies>(
                  new RocksDbConfiguration().setMemoryLimit(MEMORY_LIMIT).setWalDisabled(true),
                  new ConsistencyChecksSettings(false, false),
                  new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
                  SimpleMeterRegistry::new)
              .createDb(directory.toFile());
      EngineFields.set(streamProcessor, "zeebeDb", rocksDb);
      EngineFields.set(engine, "database", rocksDb); // the engine closes it when it stops
      inMemory.close();
      return Optional.of(directory);
    } catch (Exception | LinkageError e) {
      // another version of the engine, or no native RocksDB for this platform
      System.err.println("The sandbox keeps its state in memory: " + e);
      delete(directory);
      return Optional.empty();
    }
  }

  /** Deletes the state's directory. */
  public static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(RocksDbState::deleteFile);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete " + directory + ": " + e);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
