package id.kinerja.organisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Nomor Induk Pegawai: 18 digits = birth date (yyyyMMdd), TMT of appointment (yyyyMM), gender (1
 * male, 2 female) and a sequence number (001-999). An appointee is at least 18 years old at TMT,
 * and the TMT is not in the future.
 */
public record Nip(String value, LocalDate birthDate, YearMonth tmt, Gender gender, int sequence) {

  public enum Gender {
    MALE,
    FEMALE
  }

  /** Parses a valid NIP; use {@link #problems} first for a message per broken rule. */
  public static Nip parse(String value, LocalDate today) {
    List<String> problems = problems(value, today);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid NIP " + value + ": " + problems);
    }
    return new Nip(
        value,
        LocalDate.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8)),
        YearMonth.of(digits(value, 8, 12), digits(value, 12, 14)),
        value.charAt(14) == '1' ? Gender.MALE : Gender.FEMALE,
        digits(value, 15, 18));
  }

  /** The message codes (organisation bundle, prefix nip.) of every rule the value breaks. */
  public static List<String> problems(String value, LocalDate today) {
    var problems = new ArrayList<String>();
    if (value == null || !value.matches("\\d{18}")) {
      problems.add("nip.format");
      return problems;
    }
    LocalDate birth = null;
    try {
      birth = LocalDate.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8));
      if (birth.getYear() < 1940 || birth.isAfter(today.minusYears(18))) {
        problems.add("nip.birthDate");
        birth = null;
      }
    } catch (DateTimeException e) {
      problems.add("nip.birthDate");
    }
    int tmtYear = digits(value, 8, 12);
    int tmtMonth = digits(value, 12, 14);
    if (tmtMonth < 1
        || tmtMonth > 12
        || tmtYear < 1958
        || YearMonth.of(tmtYear, Math.max(tmtMonth, 1)).isAfter(YearMonth.from(today))) {
      problems.add("nip.tmt");
    } else if (birth != null
        && YearMonth.of(tmtYear, tmtMonth).isBefore(YearMonth.from(birth.plusYears(18)))) {
      problems.add("nip.tmtBeforeAdult");
    }
    char gender = value.charAt(14);
    if (gender != '1' && gender != '2') {
      problems.add("nip.gender");
    }
    if (digits(value, 15, 18) == 0) {
      problems.add("nip.sequence");
    }
    return problems;
  }

  private static int digits(String value, int from, int to) {
    return Integer.parseInt(value.substring(from, to));
  }
}
