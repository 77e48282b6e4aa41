package id.kinerja.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders a document template of the folder outside the jar ({@code
 * kinerja.document.templates-dir}, Thymeleaf HTML with labels from the message bundles) to PDF with
 * the DejaVu fonts embedded, so that names with diacritics print as they are written. Templates are
 * HTML as an agency writes it; jsoup makes it a well-formed document for the renderer. Not cached
 * by default: an edited template applies to the next document. The engine is private: a
 * SpringTemplateEngine bean would replace the web views' one.
 */
@Component
class PdfRenderer {

  static final String FONT_FAMILY = "DejaVu Sans";

  private final Path dir;
  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  PdfRenderer(DocumentProperties properties, MessageSource messages) {
    this.dir = properties.templatesDir().toAbsolutePath();
    var resolver = new FileTemplateResolver();
    resolver.setPrefix(dir + "/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(properties.templateCache());
    resolver.setResolvablePatterns(Set.of("*"));
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
  }

  byte[] render(String template, Map<String, Object> model, Locale locale) {
    String html = engine.process(template, new Context(locale, model));
    String base = dir.toUri().toString();
    var pdf = new ByteArrayOutputStream();
    try {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, base)), base);
      font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
      font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
      font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
    var resource = new ClassPathResource("fonts/ttf/" + file);
    builder.useFont(
        () -> {
          try {
            InputStream in = resource.getInputStream();
            return in;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        FONT_FAMILY,
        weight,
        style,
        true);
  }
}
