package id.kinerja.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate limit of the public pages that need no sign-in (the public feedback form, document
 * verification): at most a number of admitted requests per client, purpose and time window. A
 * client is told apart by a hash of its address, never the address itself.
 */
@Component
public class PublicRateLimit {

  private final JdbcClient jdbc;

  PublicRateLimit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A hash of the client's address: enough to count its requests, nothing to trace it by. */
  public static String clientHash(HttpServletRequest request) {
    return Clients.hash(request.getRemoteAddr());
  }

  /**
   * Admits the request and counts it when the client made fewer than {@code limit} admitted
   * requests of this purpose within the window; otherwise refuses it and counts nothing.
   */
  @Transactional
  public boolean admit(String purpose, String clientHash, int limit, Duration window) {
    // one client's requests are counted one at a time, so that parallel requests cannot overrun
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", purpose + ":" + clientHash)
        .query((rs, n) -> 1)
        .list();
    long recent =
        jdbc.sql(
                "select count(*) from public_request where purpose = :purpose and client_hash = :client and at > :since")
            .param("purpose", purpose)
            .param("client", clientHash)
            .param("since", Timestamp.from(Instant.now().minus(window)))
            .query(Long.class)
            .single();
    if (recent >= limit) {
      return false;
    }
    jdbc.sql("insert into public_request (purpose, client_hash) values (:purpose, :client)")
        .param("purpose", purpose)
        .param("client", clientHash)
        .update();
    return true;
  }
}
