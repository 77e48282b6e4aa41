package id.kinerja.tasklist;

import id.kinerja.engine.Jobs;
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
  private final Set<Long> instances = ConcurrentHashMap.newKeySet();
  private final Set<Long> fresh = ConcurrentHashMap.newKeySet();
  private final Set<String> employees = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "kinerja-task-sweeper");
            thread.setDaemon(true);
            return thread;
          });

  TaskSweeper(TaskStore store, TaskReconciler reconciler) {
    this.store = store;
    this.reconciler = reconciler;
  }

  @Override
  public void passed(Jobs.Step step) {
    around(step.processInstanceKey(), step.nip() == null ? null : step.nip().toString());
  }

  /** A new task appeared: the others around it are confirmed, not the new one. */
  void aroundNew(long taskKey, long processInstanceKey, String employeeNip) {
    fresh.add(taskKey);
    around(processInstanceKey, employeeNip);
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
    Instant now = Instant.now();
    List<Long> someInstances = drain(instances);
    List<String> someEmployees = drain(employees);
    List<Long> collected = drain(fresh);
    try {
      for (long key : store.openAround(someInstances, someEmployees, now)) {
        if (!collected.contains(key) && !reconciler.confirm(key)) {
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
