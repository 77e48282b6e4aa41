package id.kinerja.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * The template files process owners edit: listing, and uploads that are parsed and rendered with a
 * sample model before anything is written, so a broken template never reaches the folder.
 */
@Service
public class NotificationTemplates {

  private static final String STEMS =
      Stream.concat(
              Arrays.stream(NotificationType.values()).map(NotificationType::templateName),
              Stream.of(DigestSender.TEMPLATE))
          .collect(Collectors.joining("|"));
  static final Pattern NAME =
      Pattern.compile("(" + STEMS + ")\\.(id|en)\\.(subject\\.txt|txt|html)");

  public record TemplateFile(String name, long size, String content) {}

  private final TemplateRenderer renderer;
  private final MessageSource messages;

  NotificationTemplates(TemplateRenderer renderer, MessageSource messages) {
    this.messages = messages;
    this.renderer = renderer;
  }

  public List<TemplateFile> list() {
    try (Stream<Path> files = Files.list(renderer.dir())) {
      return files
          .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted()
          .map(f -> new TemplateFile(f.getFileName().toString(), size(f), read(f)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates and writes the template.
   *
   * @throws InvalidTemplateException with the reason when the name or the content is not usable
   */
  public void upload(String name, String content) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      throw new InvalidTemplateException(
          "Unknown template name '"
              + name
              + "': use <type>.<id|en>.<subject.txt|txt|html>, type one of "
              + STEMS.replace('|', ','));
    }
    if (content == null || content.isBlank()) {
      throw new InvalidTemplateException("The template is empty");
    }
    try {
      renderer.trial(name, content, new Context(Locale.forLanguageTag(matcher.group(2)), sample()));
    } catch (TemplateEngineException e) {
      throw new InvalidTemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new InvalidTemplateException(
          "The template includes itself, directly or through another");
    }
    write(renderer.dir().resolve(name), content);
  }

  /** Values of the kind process steps send, so that expressions on them are exercised. */
  static Map<String, Object> sample() {
    Map<String, Object> item = new HashMap<>();
    item.put("subject", "SKP 2026 disetujui");
    item.put("text", "SKP Anda untuk tahun 2026 telah disetujui.");
    item.put("link", "http://localhost:8080/skp/1");
    item.put("type", "SKP_APPROVED");
    item.put("createdAt", "01-02-2026 08:00");
    Map<String, Object> model = new HashMap<>();
    model.put("recipientName", "Budi Santoso");
    model.put("link", "http://localhost:8080/tasks/1");
    model.put("type", "TASK_ASSIGNED");
    model.put("taskName", "Susun SKP 2026");
    model.put("dueDate", "31-01-2026");
    model.put("periodYear", 2026);
    model.put("employeeName", "Siti Rahma");
    model.put("raterName", "Agus Wijaya");
    model.put("notes", "Target belum terukur");
    model.put("predikat", "BAIK");
    model.put("decision", "REJECTED");
    model.put("coachName", "Dewi Lestari");
    model.put("items", List.of(item));
    model.put("count", 1);
    return model;
  }

  private static void write(Path target, String content) {
    try {
      Files.createDirectories(target.getParent());
      // written beside and moved, so the renderer never reads a half-written file
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
