package id.kinerja.notification;

/** The recipient user name matches no user. */
public class UnknownRecipientException extends RuntimeException {

  private final String username;

  public UnknownRecipientException(String username) {
    super("Unknown recipient user name '" + username + "'");
    this.username = username;
  }

  public String username() {
    return username;
  }
}
