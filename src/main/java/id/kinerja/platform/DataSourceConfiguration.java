package id.kinerja.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(
      DataSourceProperties properties,
      @Value("${kinerja.database.create-if-missing:true}") boolean createIfMissing) {
    if (createIfMissing) {
      DatabaseCreator.ensureExists(properties);
    }
    return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
  }
}
