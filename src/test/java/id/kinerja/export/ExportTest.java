package id.kinerja.export;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import id.kinerja.deployment.DeploymentRecords.Source;
import id.kinerja.deployment.ProcessDeployer;
import id.kinerja.deployment.ProcessResource;
import id.kinerja.support.Api;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.ContextEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Exports of an agency of 10,000 employees: made in the background from the page with a progress
 * bar and a download link, the XLSX opened and summed against the records, the tunjangan kinerja
 * percentage from the agency's own table; CSV for a unit; and refused outside the caller's agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest extends BrowserTest {

  /** The test agency's own percentages (no national default exists). */
  static final Map<String, Double> PERCENT =
      Map.of(
          "Sangat Baik", 100.0,
          "Baik", 90.0,
          "Butuh Perbaikan", 70.0,
          "Kurang/Misconduct", 40.0,
          "Sangat Kurang", 0.0);

  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;
  @Autowired ProcessDeployer deployer;
  @Autowired ContextEngine clock;
  @Autowired TestRestTemplate http;
  LargeAgency agency;
  Api api;

  @BeforeAll
  void anAgencyOfTenThousand() {
    api = new Api(http);
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 1;
    agency = new LargeAgency(jdbc, year, passwords.encode("demo"));
    var outcome =
        deployer.deploy(
            List.of(
                ProcessResource.of(
                    "tunjangan-uji.dmn", table(agency.code).getBytes(StandardCharsets.UTF_8))),
            Source.UPLOAD,
            "test");
    assertThat(outcome.status()).isEqualTo(ProcessDeployer.Status.DEPLOYED);
  }

  @AfterAll
  void removeTheAgency() {
    agency.remove();
  }

  @Test
  void theOfficerExportsTheWholeAgencyInTheBackgroundAndTheSpreadsheetAddsUp() throws IOException {
    signIn(agency.officer);
    page.navigate(url("/exports"));
    page.locator("#export-unit").selectOption(agency.code);
    assertThat(page.locator("#tunjangan-table")).containsText("tunjangan-kinerja-" + agency.code);
    assertThat(page.locator("#tunjangan-table li[data-predikat=BAIK]")).hasText("Baik: 90%");
    page.locator("#export-year").fill(String.valueOf(agency.year));
    page.locator("select[name=format]").selectOption("xlsx");
    page.locator("#export-start").click();
    assertThat(page.locator(".export-job progress").first()).isVisible();
    screenshot("exports-progress");
    var link = page.locator(".export-job[data-status=DONE] a.download").first();
    link.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    assertThat(page.locator(".export-job").first()).containsText("100%");
    screenshot("exports-done");
    Download download = page.waitForDownload(link::click);
    byte[] xlsx = Files.readAllBytes(download.path());

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet evaluations = workbook.getSheet("Evaluasi");
      assertThat(evaluations.getLastRowNum()).isEqualTo(LargeAgency.EMPLOYEES);
      assertThat(evaluations.getRow(0).getCell(0).getStringCellValue()).isEqualTo("NIP");
      Map<String, Integer> perPredikat = new HashMap<>();
      double tunjangan = 0;
      int delivered = 0;
      for (int r = 1; r <= evaluations.getLastRowNum(); r++) {
        Row row = evaluations.getRow(r);
        assertThat(row.getCell(0).getStringCellValue()).hasSize(18).startsWith("8");
        if (row.getCell(8).getStringCellValue().equals("Disampaikan kepada pegawai")) {
          delivered++;
          perPredikat.merge(row.getCell(7).getStringCellValue(), 1, Integer::sum);
          tunjangan += row.getCell(9).getNumericCellValue();
        } else {
          assertThat(row.getCell(9)).isNull(); // not final yet: no percentage
        }
      }
      assertThat(delivered).isEqualTo(agency.delivered(null, agency.code));
      assertThat(perPredikat)
          .containsEntry("Sangat Baik", (int) agency.delivered("SANGAT_BAIK", agency.code))
          .containsEntry("Baik", (int) agency.delivered("BAIK", agency.code))
          .containsEntry("Butuh Perbaikan", (int) agency.delivered("BUTUH_PERBAIKAN", agency.code))
          .containsEntry(
              "Kurang/Misconduct", (int) agency.delivered("KURANG_MISCONDUCT", agency.code));
      double expected =
          agency.delivered("SANGAT_BAIK", agency.code) * 100.0
              + agency.delivered("BAIK", agency.code) * 90.0
              + agency.delivered("BUTUH_PERBAIKAN", agency.code) * 70.0
              + agency.delivered("KURANG_MISCONDUCT", agency.code) * 40.0;
      assertThat(tunjangan).isEqualTo(expected);

      Sheet skps = workbook.getSheet("SKP");
      assertThat(skps.getLastRowNum()).isEqualTo(LargeAgency.EMPLOYEES);
      Map<String, Integer> perStatus = new HashMap<>();
      for (int r = 1; r <= skps.getLastRowNum(); r++) {
        perStatus.merge(skps.getRow(r).getCell(4).getStringCellValue(), 1, Integer::sum);
      }
      assertThat(perStatus)
          .containsEntry("Ditetapkan", (int) agency.skps("APPROVED"))
          .containsEntry("Diajukan kepada pejabat penilai", (int) agency.skps("SUBMITTED"))
          .containsEntry(
              "Belum ada SKP",
              LargeAgency.EMPLOYEES - (int) (agency.skps("APPROVED") + agency.skps("SUBMITTED")));

      Sheet summary = workbook.getSheet("Ringkasan");
      assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Sangat Baik");
      assertThat((long) summary.getRow(2).getCell(1).getNumericCellValue())
          .isEqualTo(agency.delivered("SANGAT_BAIK", agency.code));
      assertThat(summary.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(100.0);
    }
  }

  @Test
  void theJobReportsItsProgressAndItsFileIsTheRequesters() {
    ResponseEntity<JsonNode> started =
        api.post(
            agency.officer,
            "/api/exports",
            Map.of(
                "kind", "EVALUATIONS", "unit", agency.code, "year", agency.year, "format", "xlsx"));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = started.getBody().path("id").asText();
    var percents = new ArrayList<Integer>();
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  JsonNode job = api.get(agency.officer, "/api/exports/" + id);
                  percents.add(job.path("percent").asInt());
                  return job;
                },
                job -> job.path("status").asText().equals("DONE"));
    assertThat(percents).isSorted().last().isEqualTo(100);
    // both sheets' rows were counted: evaluations and SKPs
    assertThat(done.path("totalRows").asInt()).isEqualTo(2 * LargeAgency.EMPLOYEES);
    assertThat(done.path("doneRows").asInt()).isEqualTo(2 * LargeAgency.EMPLOYEES);
    assertThat(
            api.as(agency.officer)
                .getForEntity(done.path("downloadUrl").asText(), byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            api.as("admin")
                .getForEntity(done.path("downloadUrl").asText(), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aUnitAsCsvEqualsItsRecordsAndOtherAgenciesAreRefused() throws IOException {
    String unit = agency.code + "-3";
    ResponseEntity<byte[]> csv =
        api.as(agency.officer)
            .getForEntity(
                "/api/exports/evaluations?unit=" + unit + "&year=" + agency.year + "&format=csv",
                byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<CSVRecord> records;
    try (var reader =
        new InputStreamReader(new ByteArrayInputStream(csv.getBody()), StandardCharsets.UTF_8)) {
      reader.read(); // the byte order mark
      records = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getRecords();
    }
    assertThat(records).hasSize(LargeAgency.EMPLOYEES / LargeAgency.UNITS);
    long baik =
        records.stream()
            .filter(
                r ->
                    r.get("Status penilaian").equals("Disampaikan kepada pegawai")
                        && r.get("Predikat kinerja pegawai").equals("Baik"))
            .count();
    assertThat(baik).isEqualTo(agency.delivered("BAIK", unit));
    assertThat(
            records.stream()
                .filter(
                    r ->
                        r.get("Predikat kinerja pegawai").equals("Baik")
                            && r.get("Status penilaian").equals("Disampaikan kepada pegawai")))
        .allMatch(r -> r.get("Tunjangan kinerja (%)").equals("90"));

    // the demo agency's officer may not export this agency; nor may an employee
    ResponseEntity<JsonNode> outside =
        json(
            "pengelola-kominfo",
            "/api/exports/evaluations?unit=" + unit + "&year=" + agency.year,
            "en");
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(outside.getBody().path("detail").asText())
        .isEqualTo(
            "Unit "
                + unit
                + " is outside your agency; you may export your own agency's data only.");
    assertThat(
            json("pegawai1", "/api/exports/evaluations?unit=SEKSI-LIP&year=" + agency.year, "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            json("pengelola", "/api/exports/evaluations?unit=NOWHERE&year=2030", "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> badFormat =
        json("pengelola", "/api/exports/evaluations?unit=SEKSI-LIP&year=2030&format=pdf", "id");
    assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badFormat.getBody().path("detail").asText())
        .isEqualTo("Format pdf tidak didukung; pilih csv atau xlsx.");
    assertThat(
            json("pengelola", "/api/exports/evaluations?unit=SEKSI-LIP&year=2030&period=Q5", "id")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // the demo agency's own table is the shipped example
    JsonNode demoTable = api.get("pengelola", "/api/exports/tunjangan-table?unit=SEKSI-LIP");
    assertThat(demoTable.path("decisionId").asText()).isEqualTo("tunjangan-kinerja-DISKOMINFO");
    assertThat(demoTable.path("present").asBoolean()).isTrue();
    assertThat(demoTable.path("rows").get(2).path("label").asText()).isEqualTo("Butuh Perbaikan");
    assertThat(demoTable.path("rows").get(2).path("persen").asInt()).isEqualTo(75);
  }

  private ResponseEntity<JsonNode> json(String user, String path, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return api.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  /** The agency's tunjangan table, as an agency would write it in Camunda Modeler. */
  private static String table(String agencyCode) {
    var rules = new StringBuilder();
    var rows =
        List.of(
            List.of("SANGAT_BAIK", "100"),
            List.of("BAIK", "90"),
            List.of("BUTUH_PERBAIKAN", "70"),
            List.of("KURANG_MISCONDUCT", "40"),
            List.of("SANGAT_KURANG", "0"));
    for (int i = 0; i < rows.size(); i++) {
      rules.append(
          """
          <rule id="r%d"><inputEntry id="r%di"><text>"%s"</text></inputEntry><outputEntry id="r%do"><text>%s</text></outputEntry></rule>
          """
              .formatted(i, i, rows.get(i).get(0), i, rows.get(i).get(1)));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d-%1$s" name="Tunjangan %1$s" namespace="http://kinerja.go.id/dmn">
          <decision id="tunjangan-kinerja-%1$s" name="Tunjangan kinerja %1$s">
            <decisionTable id="t-%1$s" hitPolicy="UNIQUE">
              <input id="i-%1$s" label="Predikat"><inputExpression id="e-%1$s" typeRef="string"><text>predikat</text></inputExpression></input>
              <output id="o-%1$s" label="Persen" name="persen" typeRef="number" />
              %2$s
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(agencyCode, rules);
  }
}
