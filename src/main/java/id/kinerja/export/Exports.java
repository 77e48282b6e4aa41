package id.kinerja.export;

import id.kinerja.access.RecordAccess;
import id.kinerja.export.ExportRequest.Kind;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** Makes an export of a unit the caller's agency covers: the rows, the agency's table, the file. */
@Service
class Exports {

  private final ExportRows rows;
  private final ExportWriter writer;
  private final TunjanganTable tunjangan;
  private final RecordAccess access;
  private final Organisation organisation;

  Exports(
      ExportRows rows,
      ExportWriter writer,
      TunjanganTable tunjangan,
      RecordAccess access,
      Organisation organisation) {
    this.rows = rows;
    this.writer = writer;
    this.tunjangan = tunjangan;
    this.access = access;
    this.organisation = organisation;
  }

  /** A refused export, in the caller's language. */
  static class ExportRefused extends Refusal {
    ExportRefused(HttpStatus status, String code, Object... arguments) {
      super(status, code, arguments);
    }
  }

  /** Refuses a unit that does not exist (404) or lies outside the caller's agency (403). */
  void requireCovered(String unitCode, Authentication auth) {
    if (organisation.unit(unitCode).isEmpty()) {
      throw new ExportRefused(HttpStatus.NOT_FOUND, "export.error.unknownUnit", unitCode);
    }
    if (!access.covers(auth, unitCode)) {
      throw new ExportRefused(HttpStatus.FORBIDDEN, "export.error.outsideAgency", unitCode);
    }
  }

  /** Told the number of rows to write once it is known, then how many are written. */
  interface Progress {
    void total(int rows);

    void done(int rows);

    Progress NONE =
        new Progress() {
          @Override
          public void total(int rows) {}

          @Override
          public void done(int rows) {}
        };
  }

  byte[] write(ExportRequest request, Progress progress) {
    var skps =
        request.kind() == Kind.SKP || request.format() == ExportRequest.Format.XLSX
            ? rows.skps(request.unitCode(), request.year())
            : List.<ExportRows.SkpRow>of();
    if (request.kind() == Kind.SKP) {
      progress.total(skps.size());
      return writer.skps(request, skps, progress::done);
    }
    var evaluations = rows.evaluations(request.unitCode(), request.year(), request.period());
    progress.total(evaluations.size() + skps.size());
    return writer.evaluations(
        request, evaluations, skps, table(request.unitCode()), progress::done);
  }

  TunjanganTable.Table table(String unitCode) {
    return tunjangan.of(access.agencyOf(unitCode).orElse(unitCode));
  }
}
