package id.kinerja.tasklist;

import id.kinerja.engine.Engine;
import id.kinerja.engine.EngineException;
import id.kinerja.tasklist.TaskRow.TaskState;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Confirms open tasks with the engine a batch at a time: renewing a task's reservation either
 * succeeds (still waiting for a person) or tells that a timer or event ended it, in which case the
 * task leaves the lists. One instance at a time confirms (ShedLock), so two instances do not renew
 * the same batch twice. Each confirmation is a command the engine appends to its log, one per open
 * task per round: the sweeper confirms the tasks around every step at once, so this round only
 * catches what no step follows (an instance cancelled outside the application) and runs every 30
 * minutes by default (20,000 open tasks: 11 commands a second).
 */
@Component
class TaskReconciler {

  static final String ENGINE = "engine";
  private static final Logger log = LoggerFactory.getLogger(TaskReconciler.class);

  private final Engine engine;
  private final TaskStore store;
  private final Duration reservation;
  private final Duration checkEvery;
  private final int batchSize;

  TaskReconciler(
      Engine engine,
      TaskStore store,
      @Value("${kinerja.tasklist.reservation:30d}") Duration reservation,
      @Value("${kinerja.tasklist.check-every:30m}") Duration checkEvery,
      @Value("${kinerja.tasklist.check-batch:500}") int batchSize) {
    this.engine = engine;
    this.store = store;
    this.reservation = reservation;
    this.checkEvery = checkEvery;
    this.batchSize = batchSize;
  }

  @Scheduled(fixedDelayString = "${kinerja.tasklist.reconcile-interval:30s}")
  @SchedulerLock(name = "task-reconciler", lockAtMostFor = "PT1M")
  void reconcile() {
    try {
      for (long key : store.uncheckedSince(Instant.now().minus(checkEvery), batchSize)) {
        confirm(key);
      }
    } catch (EngineException e) {
      log.warn("Cannot confirm tasks with the engine now: {}", e.getMessage());
    }
  }

  /**
   * @return whether the engine still has the task
   */
  boolean confirm(long key) {
    if (engine.renewHumanTask(key, reservation)) {
      store.checked(key);
      return true;
    }
    store.end(key, TaskState.CANCELED, ENGINE);
    return false;
  }
}
