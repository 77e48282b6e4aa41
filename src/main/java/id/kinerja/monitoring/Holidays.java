package id.kinerja.monitoring;

import id.kinerja.audit.AuditTrail;
import id.kinerja.platform.Refusal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holidays (hari libur nasional, cuti bersama) the Pengelola Kinerja keeps per year, and the
 * working days they leave: Monday to Friday, not a holiday.
 */
@Service
public class Holidays {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Holidays(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public record Holiday(LocalDate date, String name) {}

  /** A holiday as someone typed it: both texts are checked before anything changes. */
  public record Entry(String date, String name) {}

  /** The years a list may be kept for: beyond them a date is no calendar day anyone plans. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  public List<Holiday> ofYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new HolidayRefused(
          "holiday.error.yearRange",
          String.valueOf(year),
          String.valueOf(FIRST_YEAR),
          String.valueOf(LAST_YEAR));
    }
    return jdbc.sql("select day, name from holiday where day between :from and :to order by day")
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year, 12, 31))
        .query((rs, n) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2)))
        .list();
  }

  /**
   * Replaces the year's list. Every entry must be a date of that year (YYYY-MM-DD) with a name; the
   * first broken one refuses the whole list and nothing changes.
   */
  @Transactional
  public List<Holiday> replace(int year, List<Entry> entries, String user) {
    List<Holiday> before = ofYear(year);
    var holidays = new ArrayList<Holiday>();
    Set<LocalDate> seen = new HashSet<>();
    for (Entry entry : entries) {
      String text = entry == null || entry.date() == null ? "" : entry.date().strip();
      LocalDate date;
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new HolidayRefused("holiday.error.date", text);
      }
      if (date.getYear() != year) {
        throw new HolidayRefused("holiday.error.year", text, String.valueOf(year));
      }
      if (!seen.add(date)) {
        throw new HolidayRefused("holiday.error.duplicate", text);
      }
      String name = entry.name() == null ? "" : entry.name().strip();
      if (name.isEmpty() || name.length() > 200) {
        throw new HolidayRefused("holiday.error.name", text);
      }
      holidays.add(new Holiday(date, name));
    }
    jdbc.sql("delete from holiday where day between :from and :to")
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year, 12, 31))
        .update();
    for (Holiday holiday : holidays) {
      jdbc.sql("insert into holiday (day, name, updated_by) values (:day, :name, :user)")
          .param("day", holiday.date())
          .param("name", holiday.name())
          .param("user", user)
          .update();
    }
    audit.record(
        user,
        "HOLIDAYS_SET",
        "HOLIDAYS",
        year,
        Map.of("count", before.size()),
        Map.of("count", holidays.size()));
    return ofYear(year);
  }

  /** The day that many working days after the given one (which itself does not count). */
  public LocalDate workingDaysAfter(LocalDate day, int workingDays) {
    Set<LocalDate> holidays = new HashSet<>();
    jdbc.sql("select day from holiday where day > :from and day <= :to")
        .param("from", day)
        .param("to", day.plusDays(workingDays * 3L + 31))
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .list()
        .forEach(holidays::add);
    LocalDate result = day;
    int counted = 0;
    while (counted < workingDays) {
      result = result.plusDays(1);
      if (result.getDayOfWeek() != DayOfWeek.SATURDAY
          && result.getDayOfWeek() != DayOfWeek.SUNDAY
          && !holidays.contains(result)) {
        counted++;
      }
    }
    return result;
  }

  /** A refused holiday list, with a message code of the planning bundle. */
  static class HolidayRefused extends Refusal {
    HolidayRefused(String code, Object... arguments) {
      super(HttpStatus.BAD_REQUEST, code, arguments);
    }
  }
}
