package id.kinerja.identity;

import id.kinerja.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per user name and per client (in the database, so every instance sees
 * them): a user name with too many recent failures is locked for a while, a client failing again
 * and again must wait longer and longer between tries. Both are audited when they begin.
 */
@Component
class SignInGuard {

  /** Refused before the password was looked at; {@link #retryAfter()} tells when to try again. */
  interface Refused {
    Duration retryAfter();
  }

  static final class Locked extends LockedException implements Refused {
    private final Duration retryAfter;

    Locked(Duration retryAfter) {
      super("Locked for " + retryAfter);
      this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  static final class Slowed extends AuthenticationException implements Refused {
    private final Duration retryAfter;

    Slowed(Duration retryAfter) {
      super("Slowed for " + retryAfter);
      this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final SignInProperties limits;

  SignInGuard(JdbcClient jdbc, AuditTrail audit, SignInProperties limits) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.limits = limits;
  }

  /**
   * @throws Locked when the user name is locked, {@link Slowed} when the client must wait
   */
  void check(String username, String client) {
    Instant now = now();
    Recent user = recent("username", username, now);
    if (user.count() >= limits.maxFailures()) {
      Duration left = Duration.between(now, user.last().plus(limits.lockout()));
      if (left.isPositive()) {
        throw new Locked(left);
      }
    }
    Recent fromClient = recent("client_hash", client, now);
    waitFor(fromClient.count())
        .map(wait -> Duration.between(now, fromClient.last().plus(wait)))
        .filter(Duration::isPositive)
        .ifPresent(
            left -> {
              throw new Slowed(left);
            });
  }

  /** Records a wrong password; audits the lockout or slow-down it begins. */
  @Transactional
  void failed(String username, String client) {
    jdbc.sql("delete from sign_in_failure where at < now() - cast(:keep as interval)")
        .param("keep", (Math.max(limits.window().toSeconds(), 86_400)) + " seconds")
        .update();
    jdbc.sql("insert into sign_in_failure (username, client_hash) values (:user, :client)")
        .param("user", username)
        .param("client", client)
        .update();
    Instant now = now();
    if (recent("username", username, now).count() == limits.maxFailures()) {
      audit.record(
          username,
          "SIGN_IN_LOCKED",
          "USER",
          username,
          null,
          Map.of("failures", limits.maxFailures(), "lockedFor", limits.lockout().toString()));
    }
    if (recent("client_hash", client, now).count() == limits.clientFreeFailures() + 1L) {
      audit.record(
          username,
          "SIGN_IN_SLOWED",
          "CLIENT",
          client.substring(0, 16),
          null,
          Map.of("failures", limits.clientFreeFailures() + 1, "lastUsername", username));
    }
  }

  /** A right password: the user name starts again from no failures. */
  @Transactional
  void succeeded(String username) {
    jdbc.sql("delete from sign_in_failure where username = :user").param("user", username).update();
  }

  private record Recent(long count, Instant last) {}

  private Recent recent(String column, String value, Instant now) {
    return jdbc.sql(
            "select count(*), max(at) from sign_in_failure where "
                + column
                + " = :value and at > :since")
        .param("value", value)
        .param("since", Timestamp.from(now.minus(limits.window())))
        .query(
            (rs, n) ->
                new Recent(
                    rs.getLong(1),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .single();
  }

  /** How long a client with this many recent failures waits after its last one, if at all. */
  private Optional<Duration> waitFor(long failures) {
    long beyond = failures - limits.clientFreeFailures();
    if (beyond <= 0) {
      return Optional.empty();
    }
    Duration wait = limits.clientDelay().multipliedBy(1L << Math.min(beyond - 1, 20));
    return Optional.of(
        wait.compareTo(limits.clientMaxDelay()) > 0 ? limits.clientMaxDelay() : wait);
  }

  private Instant now() {
    return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
  }
}
