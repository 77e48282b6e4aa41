package id.kinerja.identity;

import id.kinerja.audit.AuditTrail;
import id.kinerja.platform.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of a user: created and revoked by the user or an admin, stored as their SHA-256, shown
 * in full only once. A request with a token is one indexed look-up instead of a BCrypt check.
 */
@Service
public class ApiTokens {

  static final String PREFIX = "kin_";
  static final int MAX_PER_USER = 20;
  static final int MAX_DAYS = 730;

  /** A token's last use is written at most this often, so requests do not each write a row. */
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  public record Token(
      long id,
      String name,
      String hint,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  public record Created(Token token, String secret) {}

  static class Refused extends Refusal {
    Refused(HttpStatus status, String code, Object... arguments) {
      super(status, code, arguments);
    }
  }

  private final JdbcClient jdbc;
  private final Users users;
  private final AuditTrail audit;

  ApiTokens(JdbcClient jdbc, Users users, AuditTrail audit) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
  }

  @Transactional
  public Created create(String owner, String name, Integer days, String actor) {
    KinerjaUser user = users.find(owner).orElseThrow(() -> unknownUser(owner));
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100) {
      throw new Refused(HttpStatus.BAD_REQUEST, "identity.token.name");
    }
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw new Refused(HttpStatus.BAD_REQUEST, "identity.token.days", MAX_DAYS);
    }
    long active =
        jdbc.sql(
                "select count(*) from api_token where user_id = :user and revoked_at is null"
                    + " and (expires_at is null or expires_at > now())")
            .param("user", user.id())
            .query(Long.class)
            .single();
    if (active >= MAX_PER_USER) {
      throw new Refused(HttpStatus.CONFLICT, "identity.token.tooMany", MAX_PER_USER);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    long id =
        jdbc.sql(
                """
                insert into api_token (user_id, name, token_hash, hint, created_by, expires_at)
                values (:user, :name, :hash, :hint, :actor,
                        case when cast(:days as integer) is null then null
                             else now() + make_interval(days => cast(:days as integer)) end)
                returning id""")
            .param("user", user.id())
            .param("name", label)
            .param("hash", sha256(secret))
            .param("hint", secret.substring(0, 10))
            .param("actor", actor)
            .param("days", days)
            .query(Long.class)
            .single();
    audit.record(
        actor, "API_TOKEN_CREATED", "user", owner, null, Map.of("token", id, "name", label));
    return new Created(byId(id).orElseThrow(), secret);
  }

  public List<Token> of(String owner) {
    KinerjaUser user = users.find(owner).orElseThrow(() -> unknownUser(owner));
    return jdbc.sql(
            "select id, name, hint, created_by, created_at, expires_at, last_used_at, revoked_at"
                + " from api_token where user_id = :user order by id desc")
        .param("user", user.id())
        .query(this::token)
        .list();
  }

  /** Revokes a token of the owner (an admin passes null: any user's). */
  @Transactional
  public void revoke(long id, String owner, String actor) {
    int revoked =
        jdbc.sql(
                """
                update api_token set revoked_at = now(), revoked_by = :actor
                where id = :id and revoked_at is null
                  and (cast(:owner as text) is null
                       or user_id = (select id from app_user where username = :owner))""")
            .param("id", id)
            .param("owner", owner)
            .param("actor", actor)
            .update();
    if (revoked == 0) {
      throw new Refused(HttpStatus.NOT_FOUND, "identity.token.notFound", String.valueOf(id));
    }
    audit.record(actor, "API_TOKEN_REVOKED", "api_token", id, null, null);
  }

  /** The enabled user a token belongs to, when it is current. */
  Optional<KinerjaUser> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    record Holder(long id, String username, boolean recordUse) {}
    Optional<Holder> holder =
        jdbc.sql(
                """
                select t.id, u.username,
                       t.last_used_at is null or t.last_used_at < now() - cast(:every as interval)
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null
                  and (t.expires_at is null or t.expires_at > now())""")
            .param("hash", sha256(secret))
            .param("every", USE_RECORDED_EVERY.toSeconds() + " seconds")
            .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
            .optional();
    holder
        .filter(Holder::recordUse)
        .ifPresent(
            h ->
                jdbc.sql("update api_token set last_used_at = now() where id = :id")
                    .param("id", h.id())
                    .update());
    return holder.flatMap(h -> users.find(h.username())).filter(KinerjaUser::enabled);
  }

  private Optional<Token> byId(long id) {
    return jdbc.sql(
            "select id, name, hint, created_by, created_at, expires_at, last_used_at, revoked_at"
                + " from api_token where id = :id")
        .param("id", id)
        .query(this::token)
        .optional();
  }

  private Token token(ResultSet rs, int n) throws SQLException {
    return new Token(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        instant(rs.getObject(5, OffsetDateTime.class)),
        instant(rs.getObject(6, OffsetDateTime.class)),
        instant(rs.getObject(7, OffsetDateTime.class)),
        instant(rs.getObject(8, OffsetDateTime.class)));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static Refused unknownUser(String username) {
    return new Refused(HttpStatus.NOT_FOUND, "identity.token.unknownUser", username);
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
