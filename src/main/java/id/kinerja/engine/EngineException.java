package id.kinerja.engine;

/** The engine refused a command or could not be reached; the message is the engine's reason. */
public class EngineException extends RuntimeException {

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
