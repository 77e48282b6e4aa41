package id.kinerja.platform;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Paths with an encoded slash (%2F) reach the application, whose request firewall refuses them with
 * an answer in the caller's language, instead of Tomcat answering with its own page.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

  @Bean
  TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
    return connector ->
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
  }
}
