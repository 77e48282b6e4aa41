package id.kinerja.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An uploaded file whose name is not a plain .bpmn, .dmn or .form file name. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidUploadException extends RuntimeException {

  public InvalidUploadException(String fileName) {
    super("Not a .bpmn, .dmn or .form file name: '" + fileName + "'");
  }
}
