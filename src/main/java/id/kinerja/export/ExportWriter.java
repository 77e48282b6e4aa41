package id.kinerja.export;

import id.kinerja.export.ExportRequest.Format;
import id.kinerja.export.ExportRows.EvaluationRow;
import id.kinerja.export.ExportRows.SkpRow;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.review.Predikat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes exports as CSV (Apache Commons CSV, UTF-8 with a byte order mark so that spreadsheet
 * programs read the diacritics) or XLSX (Apache POI, streamed, so 10,000 rows keep little in
 * memory). Columns and labels are in the requester's language; NIPs stay text. The tunjangan
 * kinerja percentage is given for delivered results only: a result not yet delivered may change.
 */
@Component
class ExportWriter {

  private static final int EVERY = 250;

  private final MessageSource messages;
  private final AgencyTime time;

  ExportWriter(MessageSource messages, AgencyTime time) {
    this.time = time;
    this.messages = messages;
  }

  /** Evaluations; in XLSX with the SKP list and a summary per predikat beside them. */
  byte[] evaluations(
      ExportRequest request,
      List<EvaluationRow> rows,
      List<SkpRow> skps,
      TunjanganTable.Table table,
      IntConsumer progress) {
    Locale locale = request.locale();
    List<String> header = evaluationHeader(locale);
    List<List<Object>> lines = new ArrayList<>(rows.size());
    for (EvaluationRow row : rows) {
      lines.add(evaluationLine(row, table, locale));
    }
    if (request.format() == Format.CSV) {
      return csv(header, lines, progress);
    }
    var workbook = new SXSSFWorkbook(100);
    var styles = new Styles(workbook);
    int done =
        sheet(
            workbook, styles, text("export.sheet.evaluations", locale), header, lines, 0, progress);
    sheet(
        workbook,
        styles,
        text("export.sheet.skp", locale),
        skpHeader(locale),
        skpLines(skps, time.zoneOfUnit(request.unitCode()), locale),
        done,
        progress);
    summary(workbook, styles, rows, table, request);
    return bytes(workbook);
  }

  byte[] skps(ExportRequest request, List<SkpRow> skps, IntConsumer progress) {
    Locale locale = request.locale();
    if (request.format() == Format.CSV) {
      return csv(
          skpHeader(locale), skpLines(skps, time.zoneOfUnit(request.unitCode()), locale), progress);
    }
    var workbook = new SXSSFWorkbook(100);
    sheet(
        workbook,
        new Styles(workbook),
        text("export.sheet.skp", locale),
        skpHeader(locale),
        skpLines(skps, time.zoneOfUnit(request.unitCode()), locale),
        0,
        progress);
    return bytes(workbook);
  }

  private List<String> evaluationHeader(Locale locale) {
    return List.of(
            "nip",
            "name",
            "unit",
            "position",
            "grade",
            "ratingHasilKerja",
            "ratingPerilaku",
            "predikat",
            "status",
            "tunjangan")
        .stream()
        .map(c -> text("export.column." + c, locale))
        .toList();
  }

  private List<Object> evaluationLine(
      EvaluationRow row, TunjanganTable.Table table, Locale locale) {
    var line = new ArrayList<Object>();
    line.add(row.nip());
    line.add(row.name());
    line.add(row.unit());
    line.add(row.position());
    line.add(row.grade());
    line.add(label("document.rating.", row.ratingHasilKerja(), locale));
    line.add(label("document.rating.", row.ratingPerilaku(), locale));
    line.add(label("label.predikat.", row.predikat(), locale));
    line.add(
        row.status() == null
            ? text("export.notEvaluated", locale)
            : label("document.evaluationStatus.", row.status(), locale));
    line.add("DELIVERED".equals(row.status()) ? table.of(row.predikat()) : null);
    return line;
  }

  private List<String> skpHeader(Locale locale) {
    return List.of("nip", "name", "unit", "position", "skpStatus", "approvedAt", "approvedBy")
        .stream()
        .map(c -> text("export.column." + c, locale))
        .toList();
  }

  private List<List<Object>> skpLines(List<SkpRow> skps, ZoneId zone, Locale locale) {
    var lines = new ArrayList<List<Object>>(skps.size());
    for (SkpRow row : skps) {
      var line = new ArrayList<Object>();
      line.add(row.nip());
      line.add(row.name());
      line.add(row.unit());
      line.add(row.position());
      line.add(
          row.status() == null
              ? text("export.noSkp", locale)
              : label("document.skpStatus.", row.status(), locale));
      line.add(
          row.approvedAt() == null ? null : LocalDate.ofInstant(row.approvedAt(), zone).toString());
      line.add(row.approvedBy());
      lines.add(line);
    }
    return lines;
  }

  private byte[] csv(List<String> header, List<List<Object>> lines, IntConsumer progress) {
    var out = new ByteArrayOutputStream();
    try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer =
            new CSVPrinter(
                writer,
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      writer.write('\ufeff');
      int done = 0;
      for (List<Object> line : lines) {
        printer.printRecord(
            line.stream().map(v -> v instanceof BigDecimal d ? d.toPlainString() : v).toList());
        if (++done % EVERY == 0) {
          progress.accept(done);
        }
      }
      progress.accept(done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One sheet with a bold, frozen, filtered header; returns the rows written so far in all. */
  private int sheet(
      SXSSFWorkbook workbook,
      Styles styles,
      String name,
      List<String> header,
      List<List<Object>> lines,
      int before,
      IntConsumer progress) {
    SXSSFSheet sheet = workbook.createSheet(name);
    Row top = sheet.createRow(0);
    for (int c = 0; c < header.size(); c++) {
      var cell = top.createCell(c);
      cell.setCellValue(header.get(c));
      cell.setCellStyle(styles.header);
      sheet.setColumnWidth(c, c == 1 || c == 2 || c == 3 ? 40 * 256 : 20 * 256);
    }
    sheet.createFreezePane(0, 1);
    int done = before;
    int r = 1;
    for (List<Object> line : lines) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < line.size(); c++) {
        Object value = line.get(c);
        if (value instanceof BigDecimal number) {
          row.createCell(c).setCellValue(number.doubleValue());
        } else if (value != null) {
          row.createCell(c)
              .setCellValue(value.toString()); // NIPs are text: 18 digits exceed a double
        }
      }
      if (++done % EVERY == 0) {
        progress.accept(done);
      }
    }
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
    progress.accept(done);
    return done;
  }

  /** Counts per predikat of delivered results, with the agency's percentage or its absence. */
  private void summary(
      SXSSFWorkbook workbook,
      Styles styles,
      List<EvaluationRow> rows,
      TunjanganTable.Table table,
      ExportRequest request) {
    Locale locale = request.locale();
    SXSSFSheet sheet = workbook.createSheet(text("export.sheet.summary", locale));
    sheet.setColumnWidth(0, 40 * 256);
    sheet.setColumnWidth(1, 16 * 256);
    sheet.setColumnWidth(2, 24 * 256);
    int r = 0;
    Row title = sheet.createRow(r++);
    title
        .createCell(0)
        .setCellValue(
            text(
                "export.summary.title",
                locale,
                request.unitCode(),
                String.valueOf(request.year()),
                label("document.period.", request.period(), locale)));
    title.getCell(0).setCellStyle(styles.header);
    Row head = sheet.createRow(r++);
    List.of("predikat", "count", "tunjangan")
        .forEach(
            c -> {
              var cell = head.createCell(head.getPhysicalNumberOfCells());
              cell.setCellValue(text("export.summary." + c, locale));
              cell.setCellStyle(styles.header);
            });
    for (Predikat predikat : Predikat.values()) {
      long count =
          rows.stream()
              .filter(x -> "DELIVERED".equals(x.status()) && predikat.name().equals(x.predikat()))
              .count();
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(label("label.predikat.", predikat.name(), locale));
      row.createCell(1).setCellValue(count);
      BigDecimal percent = table.percent().get(predikat);
      if (percent != null) {
        row.createCell(2).setCellValue(percent.doubleValue());
      }
    }
    r++;
    sheet
        .createRow(r)
        .createCell(0)
        .setCellValue(
            table.present()
                ? text("export.table.present", locale, table.decisionId())
                : text("export.table.absent", locale, table.agencyCode(), table.decisionId()));
    sheet
        .createRow(r + 1)
        .createCell(0)
        .setCellValue(text("export.table.noNationalDefault", locale));
    sheet
        .createRow(r + 2)
        .createCell(0)
        .setCellValue(text("export.summary.generated", locale, Instant.now().toString()));
  }

  /** The workbook's file; its temporary files are removed. */
  private static byte[] bytes(SXSSFWorkbook workbook) {
    var out = new ByteArrayOutputStream();
    try (workbook) {
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private String label(String prefix, String code, Locale locale) {
    return code == null ? "" : messages.getMessage(prefix + code, null, code, locale);
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  private static final class Styles {
    final CellStyle header;

    Styles(SXSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      header = workbook.createCellStyle();
      header.setFont(bold);
    }
  }
}
