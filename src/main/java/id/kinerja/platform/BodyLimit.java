package id.kinerja.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON and text bodies of the API are read up to {@code kinerja.api.max-body-size} (default 1 MB);
 * a larger one is refused with 413 when it is read, so that a caller without the right still gets
 * 403 first. Uploads (multipart) have their own limits ({@code spring.servlet.multipart.*}).
 */
@Component
class BodyLimit extends OncePerRequestFilter {

  /** Thrown while reading a body past the limit; the API answers 413. */
  static final class TooLarge extends IOException {
    private final String limit;

    TooLarge(String limit) {
      super("Request body over " + limit);
      this.limit = limit;
    }

    String limit() {
      return limit;
    }
  }

  private final long max;
  private final String shown;

  BodyLimit(@Value("${kinerja.api.max-body-size:1MB}") DataSize max) {
    this.max = max.toBytes();
    this.shown =
        max.toMegabytes() >= 1 && max.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
            ? max.toMegabytes() + " MB"
            : max.toKilobytes() + " KB";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !request.getRequestURI().startsWith("/api/")
        || (type != null && type.toLowerCase().startsWith("multipart/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Limited(request), response);
  }

  private final class Limited extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), getContentLengthLong());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException unknown) {
        throw new UnsupportedEncodingException(encoding);
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long declared;
    private long read;

    Counting(ServletInputStream in, long declared) {
      this.in = in;
      this.declared = declared;
    }

    @Override
    public int read() throws IOException {
      check(1);
      int b = in.read();
      if (b >= 0) {
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check(1);
      int n = in.read(buffer, offset, (int) Math.min(length, max - read + 1));
      if (n > 0) {
        read += n;
        check(0);
      }
      return n;
    }

    private void check(int more) throws TooLarge {
      if (declared > max || read + more > max + 1 || read > max) {
        throw new TooLarge(shown);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
