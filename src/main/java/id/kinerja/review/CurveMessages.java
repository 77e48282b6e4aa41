package id.kinerja.review;

import id.kinerja.platform.Labels;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A curve constraint or its violation in words, e.g. "Predikat Baik paling banyak 70% pegawai unit,
 * ...": for the review's record and the calibration board alike.
 */
@Component
public class CurveMessages {

  private final MessageSource messages;
  private final Labels labels;

  CurveMessages(MessageSource messages, Labels labels) {
    this.messages = messages;
    this.labels = labels;
  }

  public String of(CurveViolation v, Locale locale) {
    CurveConstraint c = v.constraint();
    String group =
        c.group().stream()
            .sorted()
            .map(p -> labels.of("predikat", p.name(), locale))
            .collect(
                Collectors.joining(messages.getMessage("review.predikat.separator", null, locale)));
    return messages.getMessage(
        c.messageKey(),
        new Object[] {
          group,
          c.percent() == null ? "" : c.percent().toPlainString(),
          v.limit(),
          v.total(),
          v.actualCount()
        },
        locale);
  }
}
