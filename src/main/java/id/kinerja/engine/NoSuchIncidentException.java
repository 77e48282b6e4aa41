package id.kinerja.engine;

/** The engine has no open incident of this key (resolved meanwhile, or never there). */
public class NoSuchIncidentException extends RuntimeException {

  NoSuchIncidentException(long key) {
    super("No open incident " + key);
  }
}
