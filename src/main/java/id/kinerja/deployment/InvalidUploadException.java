package id.kinerja.deployment;

/** An uploaded file whose name is not a plain .bpmn, .dmn or .form file name. */
public class InvalidUploadException extends RuntimeException {

  private final String fileName;

  public InvalidUploadException(String fileName) {
    super("Not a .bpmn, .dmn or .form file name: '" + fileName + "'");
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
