package id.kinerja.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** An admin imports employees from a spreadsheet export; a bad row never half-imports. */
class EmployeeImportTest extends IntegrationTest {

  static final String HEADER =
      "nip,name,position,grade,employee_type,unit_code,superior_nip,email\n";

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;

  @Test
  void validRowsAreImportedWithTheirSuperiorsAndUsers() {
    String csv =
        HEADER
            + "198601012010011101,Lalu Hamzan Wadi,Kepala Seksi Statistik,III/d,PNS,SEKSI-INFRA,,hamzan@demo.kinerja.local\n"
            + "199502022020122102,Baiq Mardiana,Statistisi Ahli Pertama,III/a,PNS,SEKSI-INFRA,198601012010011101,mardiana@demo.kinerja.local\n"
            + "199803032023032103,Rudi Hartono,Operator Layanan,VII,PPPK,SEKSI-INFRA,198601012010011101,\n";

    ResponseEntity<JsonNode> response = importCsv("admin", "id", csv);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("created").asInt()).isEqualTo(3);
    Employee mardiana = organisation.byNip("199502022020122102").orElseThrow();
    assertThat(organisation.rater(mardiana))
        .get()
        .extracting(Employee::nip)
        .isEqualTo("198601012010011101");
    assertThat(mardiana.username()).isEqualTo("199502022020122102");
  }

  @Test
  void oneBadRowAmongGoodOnesImportsNothingAndTheReportNamesTheRowAndReason() {
    String csv =
        HEADER
            + "198701012011011101,Ni Ketut Sukerti,Analis Kebijakan,III/c,PNS,SEKSI-EGOV,,\n"
            + "198702302011011102,Made Budiarta,Analis Data,III/b,PNS,SEKSI-EGOV,,\n"
            + "198703032011011103,Sri Wahyuni,Pengelola Data,II/x,PNS,TIDAK-ADA,,bukan-surel\n";

    ResponseEntity<JsonNode> indonesian = importCsv("admin", "id", csv);
    ResponseEntity<JsonNode> english = importCsv("admin", "en", csv);

    assertThat(indonesian.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    JsonNode errors = indonesian.getBody().path("errors");
    assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
    assertThat(errors.get(0).path("message").asText())
        .isEqualTo("NIP '198702302011011102': tanggal lahir (digit 1-8) tidak valid.");
    assertThat(errors)
        .extracting(e -> e.path("row").asInt() + ":" + e.path("field").asText())
        .containsExactly("3:nip", "4:grade", "4:unit_code", "4:email");
    assertThat(english.getBody().path("errors").get(1).path("message").asText())
        .isEqualTo("Grade 'II/x' is unknown (e.g. III/a for PNS, IX for PPPK).");
    assertThat(organisation.byNip("198701012011011101")).isEmpty();
  }

  @Test
  void onlyAdminsImport() {
    assertThat(importCsv("pegawai1", "en", HEADER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(importCsv("pengelola", "en", HEADER).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> importCsv(String user, String language, String csv) {
    var headers = new HttpHeaders();
    headers.setContentDispositionFormData("file", "pegawai.csv");
    var part =
        new HttpEntity<>(
            new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
              @Override
              public String getFilename() {
                return "pegawai.csv";
              }
            },
            headers);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", part);
    var request = new HttpHeaders();
    request.setContentType(MediaType.MULTIPART_FORM_DATA);
    request.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/api/organisation/employees/import", new HttpEntity<>(body, request), JsonNode.class);
  }
}
