package id.kinerja.engine;

/**
 * The sandbox engine cannot start or be used; the application does not start. Reported by {@link
 * SandboxFailureAnalyzer} as one readable sentence with what to do, without a stack trace.
 */
public class SandboxUnavailableException extends RuntimeException {

  private final String action;

  public SandboxUnavailableException(String reason, String action) {
    super("Kinerja cannot start its sandbox engine: " + reason + ".");
    this.action = action;
  }

  public String action() {
    return action;
  }
}
