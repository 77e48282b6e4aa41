package id.kinerja.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} before Spring MVC reads the request: method security
 * runs only after the body was parsed and validated, so a caller without the right would learn
 * about a malformed body (400) before hearing no (403). The annotation stays the one place that
 * says who may act, and method security still checks it again at the call.
 */
@Component
class AuthorizationFirst implements HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

  AuthorizationFirst(ApplicationContext context) {
    rules.setApplicationContext(context);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      Method target = method.getMethod();
      // arguments are not read yet: rules here are about the caller, not the request's content
      var invocation =
          new SimpleMethodInvocation(
              method.getBean(), target, new Object[target.getParameterCount()]);
      AuthorizationResult result =
          rules.authorize(SecurityContextHolder.getContext()::getAuthentication, invocation);
      if (result != null && !result.isGranted()) {
        throw new AccessDeniedException("Access denied");
      }
    }
    return true;
  }
}
