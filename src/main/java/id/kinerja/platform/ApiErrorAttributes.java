package id.kinerja.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that never reached a handler (a method or content type no handler takes, a path the
 * request firewall refuses, no handler at all) are rendered at /error: for the API they carry a
 * title, a detail in the caller's language and a code, like every other refusal, and never the
 * exception's message.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

  private final MessageSource messages;

  ApiErrorAttributes(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    int status = attributes.get("status") instanceof Integer code ? code : 500;
    HttpStatus known = HttpStatus.resolve(status);
    Locale locale = LocaleContextHolder.getLocale();
    String code = "error.status." + status;
    attributes.put("title", known == null ? String.valueOf(status) : known.getReasonPhrase());
    attributes.put(
        "detail",
        messages.getMessage(
            code, null, messages.getMessage("error.status.other", null, locale), locale));
    attributes.put("code", code);
    return attributes;
  }
}
