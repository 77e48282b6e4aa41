package id.kinerja.export;

import java.util.Locale;

/**
 * What to export: evaluations of a period (with the SKP list beside them in XLSX) or the SKP list
 * of a year, of a unit and every unit below it.
 */
record ExportRequest(
    Kind kind, String unitCode, int year, String period, Format format, Locale locale) {

  enum Kind {
    EVALUATIONS,
    SKP
  }

  enum Format {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  String fileName() {
    return kind == Kind.SKP
        ? "skp-%s-%d.%s".formatted(unitCode, year, format.extension)
        : "evaluasi-%s-%d-%s.%s".formatted(unitCode, year, period, format.extension);
  }
}
