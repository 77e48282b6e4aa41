package id.kinerja.engine;

/**
 * The engine refused a command ({@link #isRejection()}: the message is the engine's reason) or
 * could not be reached (try again later).
 */
public class EngineException extends RuntimeException {

  private final boolean rejection;

  public EngineException(String message, boolean rejection, Throwable cause) {
    super(message, cause);
    this.rejection = rejection;
  }

  public boolean isRejection() {
    return rejection;
  }
}
