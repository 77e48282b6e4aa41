package id.kinerja.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Evidence files: uploaded for a task by whoever may complete it, accepted only as documents and
 * pictures, downloadable by the people concerned, and referable only from that task's submission.
 */
class EvidenceTest extends IntegrationTest {

  static final byte[] PDF = "%PDF-1.4 laporan realisasi".getBytes(StandardCharsets.UTF_8);

  @Autowired TestRestTemplate http;
  @Autowired Engine engine;
  @Autowired Organisation organisation;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired ContextEngine clock;

  @Test
  void evidenceBelongsToItsTaskAndIsSeenOnlyByThePeopleConcerned() {
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 1;
    TaskRow draft = new People(store, tasks).draftSkp(engine, "pegawai1", "atasan1", nip, year);

    ResponseEntity<JsonNode> uploaded = upload("pegawai1", draft.key(), "realisasi.pdf", PDF);
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String url = uploaded.getBody().path("url").asText();
    assertThat(uploaded.getBody().path("name").asText()).isEqualTo("realisasi.pdf");

    // the rater cannot attach files to the employee's task; programs are no evidence
    assertThat(upload("atasan1", draft.key(), "realisasi.pdf", PDF).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> program = upload("pegawai1", draft.key(), "alat.exe", PDF);
    assertThat(program.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(program.getBody().path("errors").get(0).path("message").asText())
        .isEqualTo("Jenis berkas tidak diterima; gunakan docx, jpeg, jpg, pdf, png, xlsx.");

    // the employee, the rater and the rater's superior download it; others do not
    for (String user : List.of("pegawai1", "atasan1", "atasan2")) {
      ResponseEntity<byte[]> file =
          http.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
      assertThat(file.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(file.getBody()).isEqualTo(PDF);
      assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();
      assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(
            http.withBasicAuth("pemilik", "demo").getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // a check-in's file picker refers only to files uploaded for that check-in
    TaskRow checkin = checkinOfAPastYear(nip);
    ResponseEntity<JsonNode> own = upload("pegawai1", checkin.key(), "realisasi.pdf", PDF);
    var api = new Api(http);
    ResponseEntity<JsonNode> refused =
        api.post(
            "pegawai1",
            "/api/tasks/" + checkin.key() + "/complete",
            checkinWith(checkin, uploaded.getBody()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("code").asText())
        .isEqualTo("evidenceUnknown");
    assertThat(
            api.post(
                    "pegawai1",
                    "/api/tasks/" + checkin.key() + "/complete",
                    checkinWith(checkin, own.getBody()))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** January's check-in of last year's monitoring: its month-end timer is due at once. */
  private TaskRow checkinOfAPastYear(String nip) {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 1;
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", nip);
    variables.put("employeeName", "Ahmad Fauzan");
    variables.put("employeeUsername", "pegawai1");
    variables.put("raterUsername", "atasan1");
    variables.put("periodYear", year);
    variables.put("hasilKerja", Api.skp().get("hasilKerja"));
    long instance = engine.startProcess("monitoring", variables);
    return new People(store, tasks)
        .awaitTask(new Viewer("pegawai1", List.of("PEGAWAI")), instance, "checkin");
  }

  /** The check-in as the form sends it, with one evidence file in the first row's file picker. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> checkinWith(TaskRow checkin, JsonNode file) {
    var rows = new ArrayList<Map<String, Object>>();
    for (Object item : (List<Object>) checkin.variables().get("checkinItems")) {
      var held = (Map<String, Object>) item;
      var row = new HashMap<String, Object>();
      row.put("iki", held.get("iki"));
      row.put("target", held.get("target"));
      row.put("satuan", held.get("satuan"));
      row.put("realisasi", 10);
      row.put("berkas", rows.isEmpty() ? List.of(reference(file)) : List.of());
      rows.add(row);
    }
    return Map.of("checkinItems", rows);
  }

  private static Map<String, Object> reference(JsonNode file) {
    return Map.of(
        "evidenceId", file.path("evidenceId").asText(),
        "name", file.path("name").asText(),
        "size", file.path("size").asLong(),
        "url", file.path("url").asText());
  }

  private ResponseEntity<JsonNode> upload(String user, long task, String name, byte[] content) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/api/tasks/" + task + "/evidence", new HttpEntity<>(body, headers), JsonNode.class);
  }
}
