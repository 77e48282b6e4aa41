package id.kinerja.identity;

import id.kinerja.audit.AuditTrail;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a production installation, which has no demo accounts. Started once
 * with kinerja.bootstrap.admin=&lt;user name&gt; (for example {@code ./kinerja mvn spring-boot:run
 * -Dspring-boot.run.arguments="--spring.profiles.active=prod --kinerja.bootstrap.admin=budi"} or
 * the environment variable KINERJA_BOOTSTRAP_ADMIN), it creates that account with the password of
 * kinerja.bootstrap.admin-password, or a random one-time password printed once in the log, to be
 * changed on the account page. Once any administrator exists the setting does nothing; without it,
 * a start with no administrator says how to create one.
 */
@Component
@Order(1)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final Users users;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final String username;
  private final String password;

  AdminBootstrap(
      Users users,
      JdbcClient jdbc,
      PasswordEncoder encoder,
      AuditTrail audit,
      @Value("${kinerja.bootstrap.admin:}") String username,
      @Value("${kinerja.bootstrap.admin-password:}") String password) {
    this.users = users;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
    this.username = username.strip();
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (users.anyoneHas(Role.ADMIN)) {
      if (!username.isEmpty()) {
        log.info("kinerja.bootstrap.admin is ignored: an administrator exists already");
      }
      return;
    }
    if (username.isEmpty()) {
      log.warn(
          "Kinerja has no administrator yet. Start it once with --kinerja.bootstrap.admin=<user name>"
              + " (or KINERJA_BOOTSTRAP_ADMIN=<user name>) to create one; see the README, Production start.");
      return;
    }
    boolean taken =
        jdbc.sql("select exists (select 1 from app_user where username = :u)")
            .param("u", username)
            .query(Boolean.class)
            .single();
    if (taken) {
      throw new IllegalStateException(
          "kinerja.bootstrap.admin: the account '" + username + "' exists already; name a new one");
    }
    boolean generated = password.isEmpty();
    String secret = generated ? oneTimePassword() : password;
    if (secret.length() < Passwords.MIN_LENGTH
        || secret.toLowerCase().contains(username.toLowerCase())) {
      throw new IllegalStateException(
          "kinerja.bootstrap.admin-password needs at least 12 characters and must not contain the user name");
    }
    users.save(username, encoder.encode(secret), null, List.of(Role.ADMIN));
    audit.record(
        "bootstrap", "ADMIN_BOOTSTRAPPED", "USER", username, null, Map.of("roles", "ADMIN"));
    if (generated) {
      log.warn(
          "Created the first administrator '{}' with the one-time password {} : sign in and change it"
              + " on the account page now; it is not shown again.",
          username,
          secret);
    } else {
      log.info("Created the first administrator '{}'", username);
    }
  }

  private static String oneTimePassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
