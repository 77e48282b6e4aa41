package id.kinerja.platform;

import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Creates the application's PostgreSQL database when it does not exist yet, so that the first run
 * on a fresh machine needs no manual setup.
 */
final class DatabaseCreator {

  private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);

  private DatabaseCreator() {}

  static void ensureExists(DataSourceProperties properties) {
    String url = properties.determineUrl();
    if (!url.startsWith("jdbc:postgresql://")) {
      return;
    }
    URI uri = URI.create(url.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalStateException("Unsupported database name in " + url);
    }
    String maintenanceUrl = url.replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
    try (var connection =
            DriverManager.getConnection(
                maintenanceUrl, properties.determineUsername(), properties.determinePassword());
        var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        try (var create = connection.createStatement()) {
          create.execute("create database " + database);
        }
        log.info("Created database {}", database);
      }
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        return; // created concurrently by another instance
      }
      throw new IllegalStateException(
          "Cannot reach PostgreSQL at "
              + maintenanceUrl
              + " to create database "
              + database
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
