package id.kinerja.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * While PostgreSQL is away every request answers 503 with a sentence saying so and when to try
 * again, whichever part of the application met the failure first: signing in, the roles check, a
 * controller. It sits before the security filters, so the failure reaches it from all of them (the
 * exception handler and the sign-in's entry point let such failures through).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

  static final String CODE = "error.databaseUnavailable";
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;
  private final Duration retryAfter;

  DatabaseOutageFilter(
      MessageSource messages,
      LocaleResolver locales,
      ObjectMapper json,
      @Value("${kinerja.database.retry-after:30s}") Duration retryAfter) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
    this.retryAfter = retryAfter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "The database is unavailable; {} {} answered 503: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.getMessage());
      answer(request, response);
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String message = messages.getMessage(CODE, null, locales.resolveLocale(request));
    response.resetBuffer();
    response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    if (!request.getRequestURI().startsWith("/api/")) {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), message);
      return;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message);
    problem.setProperty("code", CODE);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
