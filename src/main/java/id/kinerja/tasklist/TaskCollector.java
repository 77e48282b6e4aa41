package id.kinerja.tasklist;

import id.kinerja.engine.Engine;
import id.kinerja.engine.Engine.HumanTask;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects the engine's human tasks into the tasklist as they appear. The engine holds a task for
 * this instance only briefly ({@code kinerja.tasklist.activation-timeout}) until it is stored; then
 * it stays reserved for the tasklist (a long job timeout) until a person completes it, and the
 * reconciler renews it. An instance that dies between taking and storing a task hides it for the
 * activation timeout at most, not for the reservation.
 */
@Component
class TaskCollector implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TaskCollector.class);

  private final Engine engine;
  private final TaskStore store;
  private final ProcessDocuments documents;
  private final TaskAnnouncer announcer;
  private final TaskRouting routing;
  private final TaskSweeper sweeper;
  private final TransactionTemplate transactions;
  private final Duration reservation;
  private final Engine.Collecting mode;
  private AutoCloseable collecting;

  TaskCollector(
      Engine engine,
      TaskStore store,
      ProcessDocuments documents,
      TaskAnnouncer announcer,
      TaskRouting routing,
      TaskSweeper sweeper,
      TransactionTemplate transactions,
      @Value("${kinerja.tasklist.reservation:30d}") Duration reservation,
      @Value("${kinerja.tasklist.poll-interval:500ms}") Duration pollInterval,
      @Value("${kinerja.tasklist.stream-enabled:false}") boolean streamEnabled,
      @Value("${kinerja.tasklist.activation-timeout:2m}") Duration activationTimeout,
      @Value("${kinerja.jobs.database-retry-backoff:30s}") Duration retryBackoff) {
    this.engine = engine;
    this.store = store;
    this.documents = documents;
    this.announcer = announcer;
    this.routing = routing;
    this.sweeper = sweeper;
    this.transactions = transactions;
    this.reservation = reservation;
    this.mode = new Engine.Collecting(pollInterval, streamEnabled, activationTimeout, retryBackoff);
  }

  /** After the processes are deployed at start, so that task names can be read from them. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void start() {
    collecting = engine.collectHumanTasks(reservation, mode, this::collect);
  }

  /**
   * Stores the task and, when it is new, tells the people it is for, in one transaction. A new task
   * may replace one a timer or event ended: those around it are confirmed with the engine.
   */
  void collect(HumanTask collected) {
    String name = documents.elementName(collected.processDefinitionKey(), collected.elementId());
    Instant due = instant(collected.dueDate());
    Boolean created =
        transactions.execute(
            status -> {
              TaskRouting.Routed routed = routing.route(collected);
              HumanTask task = routed.task();
              if (store.upsert(task, name, due, instant(task.followUpDate()), routed.actingFor())) {
                log.debug("New task {} '{}' for {}", task.key(), name, task.assignee());
                announcer.announce(task, name, due, routed.agencyCode());
                return true;
              }
              return false;
            });
    if (Boolean.TRUE.equals(created)) {
      Object nip = collected.variables().get("employeeNip");
      sweeper.aroundNew(
          collected.key(), collected.processInstanceKey(), nip == null ? null : nip.toString());
    }
  }

  private static Instant instant(String isoDateTime) {
    if (isoDateTime == null || isoDateTime.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(isoDateTime).toInstant();
    } catch (DateTimeParseException e) {
      log.warn("Ignoring unreadable task date '{}'", isoDateTime);
      return null;
    }
  }

  @Override
  public void destroy() throws Exception {
    if (collecting != null) {
      collecting.close();
    }
  }
}
