package id.kinerja.notification;

/** The process variables of a notification step are unusable; the message is for process owners. */
public class InvalidNotificationException extends RuntimeException {

  public InvalidNotificationException(String message) {
    super(message);
  }
}
