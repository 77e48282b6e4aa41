package id.kinerja.behaviour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The seven BerAKHLAK core values of perilaku kerja, in their official order, each with its name
 * and three behaviour guides in a person's language (bundle i18n/berakhlak). Records keep the
 * values' codes ({@link #VALUES}); people see the words.
 */
@Component
public class BerAkhlak {

  public static final List<String> VALUES =
      List.of(
          "berorientasiPelayanan",
          "akuntabel",
          "kompeten",
          "harmonis",
          "loyal",
          "adaptif",
          "kolaboratif");

  /** One value as people read it. */
  public record Value(String value, String name, List<String> guides) {

    /** As forms read it: {value, name, guides, guidesText}. */
    Map<String, Object> asVariable() {
      var item = new LinkedHashMap<String, Object>();
      item.put("value", value);
      item.put("name", name);
      item.put("guides", guides);
      // a single line (form field descriptions show one)
      item.put("guidesText", String.join("; ", guides));
      return item;
    }
  }

  private final MessageSource messages;

  /**
   * The rows of a form's dynamic list of the seven values (one row per value, in the values'
   * order), each kept with its value's code under {@code nilai} and its text under {@code field};
   * null when the form sent no list.
   */
  public static List<Map<String, Object>> perValue(Object rows, String field) {
    if (!(rows instanceof List<?> list)) {
      return null;
    }
    var kept = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < Math.min(list.size(), VALUES.size()); i++) {
      Object text = list.get(i) instanceof Map<?, ?> row ? row.get(field) : null;
      var row = new LinkedHashMap<String, Object>();
      row.put("nilai", VALUES.get(i));
      row.put(field, text == null ? "" : text.toString());
      kept.add(row);
    }
    return kept;
  }

  BerAkhlak(MessageSource messages) {
    this.messages = messages;
  }

  public List<Value> all(Locale locale) {
    return VALUES.stream().map(v -> of(v, locale)).toList();
  }

  public Value of(String value, Locale locale) {
    return new Value(
        value,
        name(value, locale),
        List.of(1, 2, 3).stream()
            .map(n -> messages.getMessage("berakhlak." + value + ".guide" + n, null, locale))
            .toList());
  }

  public String name(String value, Locale locale) {
    return messages.getMessage("berakhlak." + value + ".name", null, value, locale);
  }

  /** The values as a list of {value, name, guides, guidesText}, for forms. */
  public List<Map<String, Object>> asVariable(Locale locale) {
    return all(locale).stream().map(Value::asVariable).toList();
  }
}
