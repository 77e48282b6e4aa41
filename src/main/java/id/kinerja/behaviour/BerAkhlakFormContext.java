package id.kinerja.behaviour;

import id.kinerja.tasklist.FormContext;
import id.kinerja.tasklist.TaskRow;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every form may show the BerAKHLAK values in the reader's language: the variable {@code
 * berakhlak}, a list in the values' order of {value, name, guides (three), guidesText (one line)},
 * e.g. {@code {{berakhlak[i[1]].name}}} in a row of a dynamic list of the seven values, or {@code
 * {{#loop berakhlak}}}.
 */
@Component
class BerAkhlakFormContext implements FormContext {

  private final BerAkhlak values;

  BerAkhlakFormContext(BerAkhlak values) {
    this.values = values;
  }

  @Override
  public boolean appliesTo(String formId) {
    return true;
  }

  @Override
  public Map<String, Object> of(TaskRow task, Locale locale) {
    return Map.of("berakhlak", values.asVariable(locale));
  }
}
