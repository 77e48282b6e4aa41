package id.kinerja.engine;

/** The engine no longer has the human task: it was completed, or a timer or event cancelled it. */
public class TaskGoneException extends RuntimeException {

  public TaskGoneException(long taskKey, Throwable cause) {
    super("Task " + taskKey + " no longer exists in the engine", cause);
  }
}
