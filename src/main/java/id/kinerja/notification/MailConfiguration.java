package id.kinerja.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** The embedded default's SMTP server; production sets kinerja.mail.embedded.enabled=false. */
  @Bean(initMethod = "start", destroyMethod = "stop")
  @ConditionalOnProperty(name = "kinerja.mail.embedded.enabled", havingValue = "true")
  EmbeddedMailServer embeddedMailServer(@Value("${kinerja.mail.embedded.port:3025}") int port) {
    return new EmbeddedMailServer(port);
  }
}
