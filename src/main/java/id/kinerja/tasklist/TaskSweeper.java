package id.kinerja.tasklist;

import id.kinerja.engine.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes tasks off the lists within seconds of the engine ending them. The engine does not say when
 * a timer, message or escalation cancels a task, but the process then goes on, and its next step
 * reaches the application: a job one of its workers does, or a new human task. Right after such a
 * step the open tasks of the same process instance and of the same employee are confirmed with the
 * engine ({@link TaskReconciler#confirm}), in the background and many steps at a time. The
 * reconciler's periodic round catches what no step follows.
 */
@Component
class TaskSweeper implements Jobs.StepListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TaskSweeper.class);

  private final TaskStore store;
  private final TaskReconciler reconciler;
  private final Duration recheckAfter;
  private final Set<Long> instances = ConcurrentHashMap.newKeySet();
  private final Set<String> employees = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "kinerja-task-sweeper");
            thread.setDaemon(true);
            return thread;
          });

  TaskSweeper(
      TaskStore store,
      TaskReconciler reconciler,
      // a task confirmed this recently (e.g. just collected) is not asked about again
      @Value("${kinerja.tasklist.sweep-recheck-after:1s}") Duration recheckAfter) {
    this.store = store;
    this.reconciler = reconciler;
    this.recheckAfter = recheckAfter;
  }

  @Override
  public void passed(Jobs.Step step) {
    around(step.processInstanceKey(), step.nip() == null ? null : step.nip().toString());
  }

  /** A step of the instance (about the employee, if any) has just been taken. */
  void around(long processInstanceKey, String employeeNip) {
    instances.add(processInstanceKey);
    if (employeeNip != null && !employeeNip.isBlank()) {
      employees.add(employeeNip);
    }
    if (queued.compareAndSet(false, true)) {
      background.execute(this::sweep);
    }
  }

  private void sweep() {
    queued.set(false);
    List<Long> someInstances = drain(instances);
    List<String> someEmployees = drain(employees);
    try {
      for (long key :
          store.openAround(someInstances, someEmployees, Instant.now().minus(recheckAfter))) {
        if (!reconciler.confirm(key)) {
          log.debug("Task {} was ended by the engine", key);
        }
      }
    } catch (RuntimeException e) {
      // the periodic reconciliation tries again
      log.warn("Cannot confirm tasks with the engine now: {}", e.getMessage());
    }
  }

  private static <T> List<T> drain(Set<T> set) {
    var drained = new ArrayList<T>();
    for (T item : set) {
      if (set.remove(item)) {
        drained.add(item);
      }
    }
    return drained;
  }

  @Override
  public void destroy() {
    background.shutdownNow();
  }
}
