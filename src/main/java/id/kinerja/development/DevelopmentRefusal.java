package id.kinerja.development;

import id.kinerja.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A refused development action, with a message code of the bundle i18n/development. */
class DevelopmentRefusal extends Refusal {

  DevelopmentRefusal(HttpStatus status, String code, Object... arguments) {
    super(status, code, arguments);
  }

  static DevelopmentRefusal invalid(String code, Object... arguments) {
    return new DevelopmentRefusal(HttpStatus.BAD_REQUEST, code, arguments);
  }

  static DevelopmentRefusal notFound(String code, Object... arguments) {
    return new DevelopmentRefusal(HttpStatus.NOT_FOUND, code, arguments);
  }

  static DevelopmentRefusal forbidden(String code, Object... arguments) {
    return new DevelopmentRefusal(HttpStatus.FORBIDDEN, code, arguments);
  }

  static DevelopmentRefusal conflict(String code, Object... arguments) {
    return new DevelopmentRefusal(HttpStatus.CONFLICT, code, arguments);
  }
}
