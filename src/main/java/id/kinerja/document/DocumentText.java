package id.kinerja.document;

import id.kinerja.organisation.Employee;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How documents and the verification page write things: labels from the document bundle, dates ("31
 * Januari 2027"), numbers in the reader's language, NIPs in their four groups.
 */
@Component
class DocumentText {

  private final MessageSource messages;

  DocumentText(MessageSource messages) {
    this.messages = messages;
  }

  /** A person as documents show them: name, NIP, pangkat, position, unit; null when nobody. */
  static Map<String, String> person(Employee e) {
    if (e == null) {
      return null;
    }
    var person = new LinkedHashMap<String, String>();
    person.put("name", e.name());
    person.put("nip", nip(e.nip()));
    person.put("pangkat", Pangkat.withGrade(e.grade()));
    person.put("position", e.position());
    person.put("unit", e.unitName());
    return person;
  }

  String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  String label(String prefix, String code, Locale locale) {
    return code == null ? "-" : messages.getMessage(prefix + code, null, code, locale);
  }

  String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  static String date(LocalDate date, Locale locale) {
    return date == null
        ? "-"
        : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", language(locale)));
  }

  /** The day of an instant where the agency works. */
  static String date(Instant at, ZoneId zone, Locale locale) {
    return at == null ? "-" : date(LocalDate.ofInstant(at, zone), locale);
  }

  /** The time of an instant where the agency works, with the zone's Indonesian name. */
  static String dateTime(Instant at, ZoneId zone, Locale locale) {
    return at == null
        ? "-"
        : at.atZone(zone)
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm", language(locale)))
            + " "
            + zoneName(zone, at);
  }

  /** WIB, WITA or WIT, as Indonesians name their zones; the offset elsewhere. */
  static String zoneName(ZoneId zone, Instant at) {
    return switch (zone.getRules().getOffset(at).getTotalSeconds() / 3600) {
      case 7 -> "WIB";
      case 8 -> "WITA";
      case 9 -> "WIT";
      default -> zone.getRules().getOffset(at).getId();
    };
  }

  static String number(Object value, Locale locale) {
    if (value == null) {
      return "-";
    }
    var format = NumberFormat.getNumberInstance(language(locale));
    format.setMaximumFractionDigits(2);
    return format.format(new BigDecimal(value.toString()));
  }

  /** "198503122010011003" as "19850312 201001 1 003" (birth date, TMT, gender, sequence). */
  static String nip(String nip) {
    if (nip == null || nip.length() != 18) {
      return nip;
    }
    return nip.substring(0, 8)
        + " "
        + nip.substring(8, 14)
        + " "
        + nip.substring(14, 15)
        + " "
        + nip.substring(15);
  }

  /** The period's first and last day, e.g. "1 Januari 2027 s.d. 31 Maret 2027". */
  String periodRange(int year, String period, Locale locale) {
    int lastMonth = lastMonth(period);
    int firstMonth = "ANNUAL".equals(period) ? 1 : lastMonth - 2;
    LocalDate from = LocalDate.of(year, firstMonth, 1);
    LocalDate to = LocalDate.of(year, lastMonth, 1).plusMonths(1).minusDays(1);
    return message("document.periodRange", locale, date(from, locale), date(to, locale));
  }

  private static Locale language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
  }

  /** The last month an evaluation period covers (Triwulan I: March; Akhir: December). */
  static int lastMonth(String period) {
    return switch (period) {
      case "Q1" -> 3;
      case "Q2" -> 6;
      case "Q3" -> 9;
      default -> 12;
    };
  }
}
