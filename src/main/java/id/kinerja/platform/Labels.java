package id.kinerja.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The words for the codes the application keeps (predikat, ratings, statuses, periods, groups), in
 * a person's language, from the message bundle i18n/labels: pages show these, never the codes.
 */
@Component
public class Labels {

  private static final Pattern KEY = Pattern.compile("label\\.([A-Za-z]+)\\.([A-Z0-9_]+)");

  /** The BerAKHLAK values' names (bundle i18n/berakhlak), shown as the kind {@code berakhlak}. */
  private static final Pattern VALUE_NAME = Pattern.compile("berakhlak\\.([A-Za-z]+)\\.name");

  private final MessageSource messages;
  private final Map<String, List<String>> codes;

  Labels(MessageSource messages) throws IOException {
    this.messages = messages;
    // the kinds and codes are the keys of the default (Indonesian) bundle
    var found = new LinkedHashMap<String, List<String>>();
    var properties =
        PropertiesLoaderUtils.loadAllProperties(
            "i18n/labels.properties", getClass().getClassLoader());
    properties.stringPropertyNames().stream()
        .sorted()
        .map(KEY::matcher)
        .filter(Matcher::matches)
        .forEach(m -> found.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2)));
    PropertiesLoaderUtils.loadAllProperties(
            "i18n/berakhlak.properties", getClass().getClassLoader())
        .stringPropertyNames()
        .stream()
        .sorted()
        .map(VALUE_NAME::matcher)
        .filter(Matcher::matches)
        .forEach(m -> found.computeIfAbsent("berakhlak", k -> new ArrayList<>()).add(m.group(1)));
    this.codes = Map.copyOf(found);
  }

  /** The word for a code of a kind (e.g. predikat, BAIK); the code itself when there is none. */
  public String of(String kind, String code, Locale locale) {
    if (code == null) {
      return null;
    }
    String key =
        "berakhlak".equals(kind) ? "berakhlak." + code + ".name" : "label." + kind + "." + code;
    return messages.getMessage(key, null, code, locale);
  }

  /** Every kind with its codes and words, for pages. */
  public Map<String, Map<String, String>> all(Locale locale) {
    var all = new LinkedHashMap<String, Map<String, String>>();
    codes.forEach(
        (kind, list) -> {
          var words = new LinkedHashMap<String, String>();
          list.forEach(code -> words.put(code, of(kind, code, locale)));
          all.put(kind, words);
        });
    return all;
  }
}
