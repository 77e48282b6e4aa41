package id.kinerja.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Organisation files as an agency makes them (CSV, XLSX) and their upload to the import. */
final class OrganisationFiles {

  static final String UNITS_HEADER = "code,name,parent_code,head_nip\n";
  static final String EMPLOYEES_HEADER =
      "nip,name,position,grade,employee_type,unit_code,superior_nip,email,position_type\n";

  private OrganisationFiles() {}

  record Upload(String fileName, byte[] content) {
    static Upload csv(String name, String text) {
      return new Upload(name, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A workbook of one sheet; a cell starting with "=" is written as a formula. */
  static Upload xlsx(String name, List<List<String>> rows) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Data");
      for (int r = 0; r < rows.size(); r++) {
        XSSFRow row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          String value = rows.get(r).get(c);
          if (value.startsWith("=")) {
            row.createCell(c).setCellFormula(value.substring(1));
          } else {
            row.createCell(c).setCellValue(value); // text cells: NIPs keep all 18 digits
          }
        }
      }
      workbook.write(out);
      return new Upload(name, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /api/organisation/import with either file (null to leave it out). */
  static ResponseEntity<JsonNode> upload(
      TestRestTemplate http,
      String user,
      String password,
      Upload units,
      Upload employees,
      boolean dryRun,
      String language) {
    var body = new LinkedMultiValueMap<String, Object>();
    if (units != null) {
      body.add("units", part("units", units));
    }
    if (employees != null) {
      body.add("employees", part("employees", employees));
    }
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, password)
        .postForEntity(
            "/api/organisation/import?dryRun=" + dryRun,
            new HttpEntity<>(body, headers),
            JsonNode.class);
  }

  private static HttpEntity<ByteArrayResource> part(String name, Upload upload) {
    var headers = new HttpHeaders();
    headers.setContentDispositionFormData(name, upload.fileName());
    return new HttpEntity<>(
        new ByteArrayResource(upload.content()) {
          @Override
          public String getFilename() {
            return upload.fileName();
          }
        },
        headers);
  }
}
