package id.kinerja.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a part of the Camunda client, waiting at most a bounded time. The client 8.8.9 can wait
 * forever closing a job stream to a cluster that was never reachable (a lock its stream left
 * taken), which would keep the application from stopping; past the bound the close goes on in the
 * background, on a daemon thread that does not hold the JVM.
 */
final class BoundedClose {

  private static final Logger log = LoggerFactory.getLogger(BoundedClose.class);
  private static final AtomicInteger threads = new AtomicInteger();

  private BoundedClose() {}

  static void close(String what, AutoCloseable closeable, Duration bound) {
    Thread closing =
        Thread.ofPlatform()
            .daemon()
            .name("kinerja-close-" + threads.incrementAndGet())
            .start(
                () -> {
                  try {
                    closeable.close();
                  } catch (Exception e) {
                    log.warn("Closing {} failed: {}", what, e.getMessage());
                  }
                });
    try {
      if (!closing.join(bound)) {
        log.warn("{} did not close within {}: the application stops without waiting", what, bound);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
