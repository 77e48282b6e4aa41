package id.kinerja.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * An action refused for a reason the person can act on: an HTTP status and a message code with its
 * arguments. {@link ApiExceptionHandler} answers every refusal as a problem detail in the caller's
 * language; features throw it, or a subclass that names their reasons.
 */
public class Refusal extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Object[] arguments;

  public Refusal(HttpStatus status, String code, Object... arguments) {
    super(code);
    this.status = status;
    this.code = code;
    this.arguments = arguments;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  /** More members of the problem detail (e.g. field errors), in the caller's language. */
  protected Map<String, Object> details(MessageSource messages, Locale locale) {
    return Map.of();
  }
}
