package id.kinerja.document;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kinerja.document.*}: the folder of the document templates (outside the jar, so that an
 * agency changes the layout without recompiling) and the rate limit of the public verification
 * page.
 */
@ConfigurationProperties("kinerja.document")
public record DocumentProperties(
    @DefaultValue("document-templates") Path templatesDir,
    @DefaultValue("false") boolean templateCache,
    @DefaultValue Verification verification) {

  /** At most {@code limit} look-ups per client within {@code window} [C]. */
  public record Verification(@DefaultValue("30") int limit, @DefaultValue("10m") Duration window) {}
}
