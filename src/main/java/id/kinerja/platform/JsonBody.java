package id.kinerja.platform;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON body when the handler is ready for it: after it checked that the caller may act on
 * the thing the path names (a task, an evaluation), so that a stranger hears 403 or 404 whatever
 * they sent. Errors are the ones Spring MVC raises, answered the same way (400, 413).
 */
@Component
public class JsonBody {

  private final ObjectMapper json;

  JsonBody(ObjectMapper json) {
    this.json = json;
  }

  /** The body as a JSON object. */
  public Map<String, Object> object(HttpServletRequest request) {
    return read(
        request, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
  }

  public <T> T read(HttpServletRequest request, Class<T> type) {
    return read(request, json.constructType(type));
  }

  private <T> T read(HttpServletRequest request, JavaType type) {
    var message = new ServletServerHttpRequest(request);
    T value;
    try (InputStream in = nonEmpty(request.getInputStream(), message)) {
      value = json.readValue(in, type);
    } catch (IOException e) {
      throw new HttpMessageNotReadableException("Unreadable JSON body", e, message);
    }
    if (value == null) {
      throw new HttpMessageNotReadableException("Required request body is missing", message);
    }
    return value;
  }

  /** A missing body is told apart from a broken one, as Spring MVC does. */
  private static InputStream nonEmpty(InputStream in, ServletServerHttpRequest message)
      throws IOException {
    var pushback = new PushbackInputStream(in, 1);
    int first = pushback.read();
    if (first < 0) {
      throw new HttpMessageNotReadableException("Required request body is missing", message);
    }
    pushback.unread(first);
    return pushback;
  }
}
