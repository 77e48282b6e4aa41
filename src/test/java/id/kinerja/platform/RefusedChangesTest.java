package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes the application refuses (issue 10's bad input): a 4xx with the reason in the caller's
 * language, and nothing changed. (An appeal on a result not delivered: AppealProcessTest.)
 */
class RefusedChangesTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  @Autowired JdbcClient jdbc;

  @Test
  void theClockIsNeverMovedBackwards() {
    Instant before =
        Instant.parse(
            call("admin", "GET", "/api/clock", null, "id").getBody().path("now").asText());

    ResponseEntity<JsonNode> id =
        call("admin", "POST", "/api/demo/clock", Map.of("days", -3, "hours", 0), "id");
    ResponseEntity<JsonNode> en =
        call("admin", "POST", "/api/demo/clock", Map.of("days", 0, "hours", -5), "en");

    assertThat(id.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(id.getBody().path("detail").asText()).startsWith("Jam hanya dapat dimajukan");
    assertThat(en.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(en.getBody().path("detail").asText())
        .startsWith("The clock can only be moved forward");
    Instant after =
        Instant.parse(
            call("admin", "GET", "/api/clock", null, "id").getBody().path("now").asText());
    assertThat(Duration.between(before, after)).isBetween(Duration.ZERO, Duration.ofMinutes(1));
  }

  @Test
  void aTransferToTheSamePostOrAnUnknownUnitChangesNothing() {
    Employee pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    long transfers = transfersOf(pegawai1);
    String path = "/api/employees/" + pegawai1.nip() + "/transfer";

    ResponseEntity<JsonNode> same =
        call(
            "pengelola",
            "POST",
            path,
            Map.of("year", 2096, "unitCode", pegawai1.unitCode(), "position", pegawai1.position()),
            "id");
    ResponseEntity<JsonNode> unknown =
        call(
            "pengelola",
            "POST",
            path,
            Map.of("year", 2096, "unitCode", "SEKSI-TIDAK-ADA", "position", "Analis"),
            "en");

    assertThat(same.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(same.getBody().path("detail").asText())
        .isEqualTo(
            "Pegawai sudah menduduki jabatan "
                + pegawai1.position()
                + " ("
                + pegawai1.unitCode()
                + "); mutasi harus ke jabatan atau unit lain.");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unknown.getBody().path("detail").asText())
        .isEqualTo("Unit 'SEKSI-TIDAK-ADA' is unknown.");
    Employee after = organisation.byUsername("pegawai1").orElseThrow();
    assertThat(after.unitCode()).isEqualTo(pegawai1.unitCode());
    assertThat(after.position()).isEqualTo(pegawai1.position());
    assertThat(transfersOf(pegawai1)).isEqualTo(transfers);
  }

  @Test
  void aHolidayListWithAMalformedDateIsRefusedAsAWholeAndTheOldListStays() {
    String path = "/api/holidays/2097";
    List<Map<String, String>> valid =
        List.of(
            Map.of("date", "2097-08-17", "name", "Hari Kemerdekaan"),
            Map.of("date", "2097-12-25", "name", "Hari Natal"));
    assertThat(call("pengelola", "PUT", path, valid, "id").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> malformed =
        call(
            "pengelola",
            "PUT",
            path,
            List.of(
                Map.of("date", "2097-01-01", "name", "Tahun Baru"),
                Map.of("date", "2097-02-30", "name", "Tidak ada")),
            "id");
    ResponseEntity<JsonNode> otherYear =
        call("pengelola", "PUT", path, List.of(Map.of("date", "2098-01-01", "name", "X")), "en");

    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().path("detail").asText())
        .isEqualTo(
            "Tanggal '2097-02-30' tidak terbaca; tulis sebagai TTTT-BB-HH, misalnya 2027-08-17."
                + " Daftar hari libur tidak diubah.");
    assertThat(otherYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(otherYear.getBody().path("detail").asText())
        .isEqualTo("The date 2098-01-01 is not in 2097. The holiday list was not changed.");
    JsonNode kept = call("pegawai1", "GET", path, null, "id").getBody();
    assertThat(kept).hasSize(2);
    assertThat(kept.get(0).path("name").asText()).isEqualTo("Hari Kemerdekaan");
  }

  private long transfersOf(Employee employee) {
    return jdbc.sql("select count(*) from transfer where employee_nip = :nip")
        .param("nip", employee.nip())
        .query(Long.class)
        .single();
  }

  private ResponseEntity<JsonNode> call(
      String user, String method, String path, Object body, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, "demo")
        .exchange(
            path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);
  }
}
