package id.kinerja.identity;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Indonesian unless the person chose English. API callers choose with Accept-Language; in the
 * browser the choice is a cookie and the signed-in user's stored preference (browsers send their
 * own Accept-Language, which must not override the Indonesian default).
 */
class UserLocaleResolver implements LocaleResolver {

  static final String COOKIE = "kinerja-lang";
  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

  private final Users users;

  UserLocaleResolver(Users users) {
    this.users = users;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(COOKIE) instanceof Locale chosenNow) {
      return chosenNow; // ?lang= on this very request
    }
    String header = request.getHeader("Accept-Language");
    // an error of the API is rendered at /error: it answers in the API's language too
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String original ? original : request.getRequestURI();
    if (uri.startsWith("/api/") && header != null && !header.isBlank()) {
      Locale chosen = lookup(header);
      if (chosen != null) {
        return chosen;
      }
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName())) {
          return of(cookie.getValue());
        }
      }
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof KinerjaUser user) {
      return of(user.locale());
    }
    return INDONESIAN;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    String language = of(locale == null ? "id" : locale.getLanguage()).getLanguage();
    request.setAttribute(COOKIE, of(language));
    Cookie cookie = new Cookie(COOKIE, language);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setMaxAge(60 * 60 * 24 * 365);
    response.addCookie(cookie);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof KinerjaUser user) {
      users.setLocale(user.username(), language);
    }
  }

  /** The supported language the header asks for; none for a header that is not a list of ranges. */
  private static Locale lookup(String acceptLanguage) {
    try {
      return Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  static Locale of(String language) {
    return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : INDONESIAN;
  }
}
