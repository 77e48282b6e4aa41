package id.kinerja.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * One uploaded table (CSV or the first sheet of an XLSX workbook) as rows of named cells. Rows are
 * numbered as a spreadsheet shows them: the header is row 1. Formulas are never evaluated: a cell
 * holding one is reported with the formula as its text.
 */
record Table(List<Line> lines, List<Problem> problems) {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_ROWS = 50_000;

  /** A data row: its number and its cells by lower-case column name. */
  record Line(int number, Map<String, String> cells) {
    String get(String column) {
      String value = cells.get(column);
      return value == null ? "" : value.strip();
    }
  }

  /** What makes the file or a cell unusable: row 0 is the file itself. */
  record Problem(int row, String column, String code, String value) {}

  static Table read(String fileName, byte[] content, List<String> required) {
    var problems = new ArrayList<Problem>();
    if (content.length > MAX_BYTES) {
      problems.add(new Problem(0, "", "import.tooLarge", String.valueOf(MAX_BYTES / 1024 / 1024)));
      return new Table(List.of(), problems);
    }
    List<List<String>> rows;
    try {
      rows = isWorkbook(fileName, content) ? workbook(content) : csv(content);
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(0, "", "import.unreadable", String.valueOf(e.getMessage())));
      return new Table(List.of(), problems);
    }
    if (rows.isEmpty()) {
      problems.add(new Problem(0, "", "import.empty", ""));
      return new Table(List.of(), problems);
    }
    List<String> header =
        rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    if (!header.containsAll(required)) {
      problems.add(new Problem(1, "", "import.header", String.join(",", required)));
      return new Table(List.of(), problems);
    }
    if (rows.size() - 1 > MAX_ROWS) {
      problems.add(new Problem(0, "", "import.tooManyRows", String.valueOf(MAX_ROWS)));
      return new Table(List.of(), problems);
    }
    var lines = new ArrayList<Line>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> cells = rows.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> named = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < cells.size(); c++) {
        named.put(header.get(c), cells.get(c));
        if (cells.get(c).strip().startsWith("=")) { // a formula is kept as text, never a value
          problems.add(new Problem(i + 1, header.get(c), "import.formula", cells.get(c).strip()));
        }
      }
      lines.add(new Line(i + 1, named));
    }
    return new Table(lines, problems);
  }

  private static boolean isWorkbook(String fileName, byte[] content) {
    boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
    return zip || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
  }

  /** CSV with a comma or semicolon (as Indonesian Excel writes it), UTF-8 with or without BOM. */
  private static List<List<String>> csv(byte[] content) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
    String firstLine = text.substring(0, firstLineEnd);
    char delimiter =
        firstLine.chars().filter(c -> c == ';').count()
                > firstLine.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    var rows = new ArrayList<List<String>>();
    try (Reader reader = new StringReader(text);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
        if (rows.size() > MAX_ROWS + 1) {
          break; // enough to refuse the file; the rest is not read
        }
      }
    }
    return rows;
  }

  /** The first sheet; every cell as the text the spreadsheet shows, formulas never evaluated. */
  private static List<List<String>> workbook(byte[] content) throws IOException {
    var rows = new ArrayList<List<String>>();
    var formatter = new DataFormatter(Locale.ROOT);
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      int last = sheet.getLastRowNum();
      if (last > MAX_ROWS + 1) {
        last = MAX_ROWS + 1;
      }
      for (int r = 0; r <= last; r++) {
        Row row = sheet.getRow(r);
        var cells = new ArrayList<String>();
        if (row != null) {
          for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
              cells.add("");
            } else if (cell.getCellType() == CellType.FORMULA) {
              cells.add("=" + cell.getCellFormula());
            } else {
              cells.add(formatter.formatCellValue(cell));
            }
          }
        }
        rows.add(cells);
      }
    }
    // trailing empty rows of a sheet are not data
    while (!rows.isEmpty() && rows.getLast().stream().allMatch(String::isBlank)) {
      rows.removeLast();
    }
    return rows;
  }
}
