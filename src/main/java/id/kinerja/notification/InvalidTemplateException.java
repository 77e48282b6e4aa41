package id.kinerja.notification;

/** An uploaded template that cannot be used; the message says why. */
public class InvalidTemplateException extends RuntimeException {

  public InvalidTemplateException(String reason) {
    super(reason);
  }
}
