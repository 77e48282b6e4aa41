package id.kinerja.identity;

import id.kinerja.audit.AuditTrail;
import id.kinerja.platform.Refusal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: set by an admin (accounts from the CSV import have none that works), changed by their
 * owner. Stored as BCrypt hashes; the audit trail records that it happened, never the secret.
 */
@Service
class Passwords {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 72; // BCrypt reads no further

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;

  Passwords(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
  }

  /** A refused password, with a message code of the identity bundle. */
  static class Refused extends Refusal {
    Refused(String code) {
      super(HttpStatus.BAD_REQUEST, code);
    }
  }

  @Transactional
  void set(String username, String password, String admin) {
    store(username, password);
    audit.record(admin, "PASSWORD_SET", "USER", username, null, Map.of("by", admin));
  }

  @Transactional
  void change(String username, String current, String next) {
    String hash =
        jdbc.sql("select password_hash from app_user where username = :u")
            .param("u", username)
            .query(String.class)
            .single();
    if (current == null || !encoder.matches(current, hash)) {
      throw new Refused("identity.password.wrongCurrent");
    }
    store(username, next);
    audit.record(username, "PASSWORD_CHANGED", "USER", username, null, Map.of("by", username));
  }

  private void store(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new Refused("identity.password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      throw new Refused("identity.password.tooLong");
    }
    if (password.toLowerCase().contains(username.toLowerCase())) {
      throw new Refused("identity.password.containsUsername");
    }
    jdbc.sql("update app_user set password_hash = :hash where username = :u")
        .param("hash", encoder.encode(password))
        .param("u", username)
        .update();
  }
}
