package id.kinerja.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.DefaultTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresource.FileTemplateResource;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Renders notification templates from the folder outside the jar ({@code
 * kinerja.notification.templates-dir}): {@code <name>.<locale>.subject.txt}, {@code .txt} and
 * {@code .html}. Not cached by default, so a process owner's edit applies to the next message. This
 * engine is private on purpose: a SpringTemplateEngine bean would replace the web views' one.
 */
@Component
class TemplateRenderer {

  static final String DEFAULT_LOCALE = "id";

  record Rendered(String subject, String text, String html) {}

  private final Path dir;
  private final SpringTemplateEngine engine;
  private final MessageSource messages;

  TemplateRenderer(NotificationProperties properties, MessageSource messages) {
    this.dir = properties.templatesDir().toAbsolutePath();
    this.messages = messages;
    this.engine = engine(messages);
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", properties, 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", properties, 2));
  }

  private FileTemplateResolver resolver(
      TemplateMode mode, String pattern, NotificationProperties properties, int order) {
    var resolver = new FolderResolver(dir);
    resolver.setPrefix(dir + "/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(properties.templateCache());
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** Templates may show words for codes: #{label.predikat.__${predikat}__} (i18n/labels). */
  static SpringTemplateEngine engine(MessageSource messages) {
    var engine = new SpringTemplateEngine();
    engine.setTemplateEngineMessageSource(messages);
    return engine;
  }

  Path dir() {
    return dir;
  }

  /**
   * Renders a template that is not written yet, as it would render from the folder: what it
   * includes comes from the folder too, and nothing outside it.
   *
   * @throws org.thymeleaf.exceptions.TemplateEngineException when it does not parse or render
   */
  String trial(String name, String content, Context context) {
    var uploaded = new DefaultTemplateResolver();
    uploaded.setTemplate(content);
    uploaded.setTemplateMode(name.endsWith(".html") ? TemplateMode.HTML : TemplateMode.TEXT);
    uploaded.setResolvablePatterns(Set.of(name));
    uploaded.setOrder(0);
    var trial = engine(messages);
    trial.addTemplateResolver(uploaded);
    engine.getTemplateResolvers().forEach(trial::addTemplateResolver);
    return trial.process(name, context);
  }

  /**
   * Resolves names to files directly in the templates folder only: an include of "../x.txt" or
   * "/etc/hostname" resolves to nothing, so no template reads a file outside its folder.
   */
  static final class FolderResolver extends FileTemplateResolver {

    private final Path folder;

    FolderResolver(Path folder) {
      this.folder = folder.normalize();
    }

    @Override
    protected ITemplateResource computeTemplateResource(
        IEngineConfiguration configuration,
        String ownerTemplate,
        String template,
        String resourceName,
        String characterEncoding,
        Map<String, Object> templateResolutionAttributes) {
      Path file = Path.of(resourceName).normalize();
      if (!folder.equals(file.getParent()) || Files.isSymbolicLink(file)) {
        return new FileTemplateResource(folder.resolve(".outside-the-folder").toString(), null);
      }
      return super.computeTemplateResource(
          configuration,
          ownerTemplate,
          template,
          resourceName,
          characterEncoding,
          templateResolutionAttributes);
    }
  }

  /** Renders all three parts in the locale, falling back to Indonesian when it has no template. */
  Rendered render(String name, String locale, Map<String, Object> model) {
    String effective = Files.exists(dir.resolve(name + "." + locale + ".txt")) ? locale : "id";
    var context = new Context(Locale.forLanguageTag(effective), model);
    String base = name + "." + effective;
    String subject = engine.process(base + ".subject.txt", context).strip().replaceAll("\\s+", " ");
    return new Rendered(
        subject,
        engine.process(base + ".txt", context).strip(),
        engine.process(base + ".html", context));
  }
}
