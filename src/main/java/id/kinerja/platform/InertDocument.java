package id.kinerja.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document process owners wrote (BPMN XML), served so that a browser cannot run anything in it:
 * opened directly it is a download, and should it be rendered its policy sandboxes it and loads
 * nothing. The viewers on our pages read it with fetch, which none of this hinders.
 */
public final class InertDocument {

  static final String POLICY = "default-src 'none'; sandbox";

  private InertDocument() {}

  public static ResponseEntity<String> xml(String content, String fileName) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("Content-Security-Policy", POLICY)
        .body(content);
  }
}
