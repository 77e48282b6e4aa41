package id.kinerja.sandbox;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the in-memory engine's log safe for its own concurrent readers. zeebe-process-test keeps
 * the log in a plain ArrayList, appended by the writer while the stream processor and the record
 * stream read it from other threads: under many users a reader can see the list's new size before
 * its new entry, and the stream processor dies on a null buffer (seen in the benchmark, month 6 of
 * a year of 100 employees with 50 users; every command then timed out). Its commit listeners are a
 * HashSet iterated on each append while readers register. Both are swapped for thread-safe
 * collections before the engine starts. Camunda 8 clusters keep their log elsewhere.
 */
public final class ThreadSafeLog {

  private ThreadSafeLog() {}

  /** Before the engine starts; false (and a line on stderr) where its log is not as expected. */
  public static boolean install(ZeebeTestEngine engine) {
    try {
      Object logStream = EngineFields.get(engine, "logStream");
      Object storage = EngineFields.get(logStream, "logStorage");
      List<?> entries = (List<?>) EngineFields.get(storage, "logEntries");
      EngineFields.set(
          storage, "logEntries", Collections.synchronizedList(new ArrayList<>(entries)));
      Set<Object> listeners = ConcurrentHashMap.newKeySet();
      listeners.addAll((Set<?>) EngineFields.get(storage, "commitListeners"));
      EngineFields.set(storage, "commitListeners", listeners);
      return true;
    } catch (ReflectiveOperationException | ClassCastException e) {
      // another version of the engine: say so, and run with its own log
      System.err.println("The sandbox's log could not be made thread-safe: " + e);
      return false;
    }
  }
}
