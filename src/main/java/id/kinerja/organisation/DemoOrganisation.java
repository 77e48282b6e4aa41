package id.kinerja.organisation;

import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation, seeded into an empty database when kinerja.demo.enabled (the embedded
 * profile): two agencies of Kota Mataram, the Dinas Komunikasi dan Informatika (three levels) and
 * the BKPSDM, with the officials above them. It is read from the files in src/main/resources/demo
 * through the same import an agency uses; accounts.csv names the demo users (password "demo"),
 * officials.csv the Sekretaris Daerah and the Wali Kota.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "kinerja.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  private final JdbcClient jdbc;
  private final OrganisationImport importer;
  private final AgencyOfficials officials;
  private final Users users;
  private final PasswordEncoder passwords;

  DemoOrganisation(
      JdbcClient jdbc,
      OrganisationImport importer,
      AgencyOfficials officials,
      Users users,
      PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.importer = importer;
    this.officials = officials;
    this.users = users;
    this.passwords = passwords;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from employee").query(Long.class).single() > 0) {
      return;
    }
    OrganisationImport.Report report =
        importer.run(file("units.csv"), file("employees.csv"), false, "demo");
    if (!report.imported()) {
      throw new IllegalStateException(
          "The demo organisation files do not import: " + report.errors());
    }
    String hash = passwords.encode(PASSWORD); // BCrypt is slow on purpose: once for all demo users
    // every demo employee signs in with their NIP and the demo password
    jdbc.sql("update app_user set password_hash = :hash where employee_id is not null")
        .param("hash", hash)
        .update();
    for (Table.Line account : table("accounts.csv", "username", "nip", "roles")) {
      List<Role> roles =
          Arrays.stream(account.get("roles").split("\\s+"))
              .filter(r -> !r.isBlank())
              .map(Role::valueOf)
              .toList();
      String nip = account.get("nip");
      if (nip.isEmpty()) {
        users.save(account.get("username"), hash, null, roles);
      } else { // the import named the account after the NIP: the demo gives it a friendlier name
        jdbc.sql(
                "update app_user set username = :username where employee_id = (select id from employee where nip = :nip)")
            .param("username", account.get("username"))
            .param("nip", nip)
            .update();
        users.save(account.get("username"), hash, employeeId(nip), roles);
      }
    }
    for (Table.Line official : table("officials.csv", "agency_code", "kind", "username")) {
      officials.set(
          new AgencyOfficials.Official(
              official.get("agency_code"),
              official.get("kind"),
              official.get("username"),
              official.get("name"),
              official.get("position")),
          "demo");
    }
    log.info(
        "Seeded the demo organisation: {} units, {} employees; demo users sign in with password '{}'",
        report.units().created(),
        report.employees().created(),
        PASSWORD);
  }

  private long employeeId(String nip) {
    return jdbc.sql("select id from employee where nip = :nip")
        .param("nip", nip)
        .query(Long.class)
        .single();
  }

  private static List<Table.Line> table(String name, String... columns) {
    OrganisationImport.Upload upload = file(name);
    Table table = Table.read(name, upload.content(), List.of(columns));
    if (!table.problems().isEmpty()) {
      throw new IllegalStateException("demo/" + name + ": " + table.problems());
    }
    return table.lines();
  }

  private static OrganisationImport.Upload file(String name) {
    try (var in = new ClassPathResource("demo/" + name).getInputStream()) {
      return new OrganisationImport.Upload(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
