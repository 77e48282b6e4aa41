package id.kinerja.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language: Indonesian by default, English selectable with ?lang=en on any page. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver(Users users) {
    return new UserLocaleResolver(users);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    registry.addInterceptor(interceptor);
  }
}
