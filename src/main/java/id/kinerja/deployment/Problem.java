package id.kinerja.deployment;

/**
 * One reason a deployment was refused: a message key of the deployment bundle, the file it concerns
 * and the detail the key's text refers to (an element id, a job type, the parser's own words).
 */
public record Problem(String resource, String code, String element, String detail) {

  public static Problem of(String resource, String code, String element, String detail) {
    return new Problem(
        resource, code, element == null ? "" : element, detail == null ? "" : detail);
  }
}
