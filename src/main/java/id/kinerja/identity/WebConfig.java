package id.kinerja.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Indonesian by default, English selectable with ?lang=en on any page. Who may call a
 * handler is checked before its request is read ({@link AuthorizationFirst}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  private final AuthorizationFirst authorization;

  WebConfig(AuthorizationFirst authorization) {
    this.authorization = authorization;
  }

  @Bean
  LocaleResolver localeResolver(Users users) {
    return new UserLocaleResolver(users);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true); // ?lang=<anything else> keeps the language
    registry.addInterceptor(interceptor);
    registry.addInterceptor(authorization);
  }
}
