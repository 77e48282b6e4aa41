package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.engine.Engine;
import id.kinerja.monitoring.CheckIns;
import id.kinerja.planning.SkpRecords;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.util.ArrayList;
import java.util.List;
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
 * GET /api/tasks/{id}/picture: the rater of a second-quarter rating sees the SKP, capaian against
 * the plan to June with the suggestion's rule, their monthly feedback, the evidence (downloadable),
 * the 360 aggregate without names or self-answers, and the public's answers of the quarter only;
 * the employee, a colleague and an admin are refused, and a task that rates nobody has no picture.
 */
class RatingPictureTest extends IntegrationTest {

  static final int YEAR = 2093;

  @Autowired JdbcClient jdbc;
  @Autowired Engine engine;
  @Autowired UnitReviews unitReviews;
  @Autowired SkpRecords skps;
  @Autowired CheckIns checkIns;
  @Autowired Feedback360 feedback;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate http;

  @Test
  void theRaterSeesWhatTheRatingRestsOnAndNobodyElseDoes() {
    var agency =
        new RatingPictureAgency(
            YEAR, jdbc, engine, unitReviews, skps, checkIns, feedback, store, tasks);
    TaskRow rating = agency.ratingTask(store, tasks);
    String path = "/api/tasks/" + rating.key() + "/picture";

    ResponseEntity<JsonNode> seen = get(agency.kasi.username(), path, "id");
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode picture = seen.getBody();
    assertThat(picture.path("employee").path("name").asText()).isEqualTo("Pegawai staf");
    assertThat(picture.path("period").asText()).isEqualTo("Triwulan II");

    JsonNode result = picture.path("skp").path("results").get(0);
    assertThat(picture.path("skp").path("status").asText()).isEqualTo("Ditetapkan");
    assertThat(result.path("jenis").asText()).isEqualTo("Utama");
    assertThat(result.path("rhkAtasan").asText())
        .isEqualTo("Meningkatnya kualitas layanan perizinan");
    assertThat(result.path("indicators").get(0).path("target").asInt()).isEqualTo(120);
    assertThat(result.path("indicators").get(0).path("satuan").asText()).isEqualTo("permohonan");
    assertThat(result.path("indicators").get(1).path("aspek").asText()).isEqualTo("Waktu");

    // May's check-in against half the annual target (January to June): 50 of 60
    JsonNode capaian = picture.path("capaian");
    assertThat(capaian.path("checkInMonthName").asText()).isEqualTo("Mei");
    assertThat(capaian.path("basis").asText())
        .contains("Pro-rata", "Juni", "6 dari 12 bulan", "50% dari target tahunan");
    JsonNode served = capaian.path("rows").get(0);
    assertThat(served.path("targetToDate").asInt()).isEqualTo(60);
    assertThat(served.path("realisasi").asInt()).isEqualTo(50);
    assertThat(served.path("capaian").asText()).isEqualTo("83,3%");
    assertThat(served.path("belowFloor").asBoolean()).isFalse();
    // five days allowed, four taken: a ceiling, not pro-rated
    JsonNode days = capaian.path("rows").get(1);
    assertThat(days.path("targetToDate").asInt()).isEqualTo(5);
    assertThat(days.path("capaian").asText()).isEqualTo("125%");
    // the qualitative one: its expected result and the narrative, left out of the numbers
    JsonNode quality = capaian.path("rows").get(2);
    assertThat(quality.path("qualitative").asBoolean()).isTrue();
    assertThat(quality.path("expected").asText()).startsWith("Jawaban lengkap");
    assertThat(quality.path("narrative").asText())
        .isEqualTo("Bulan 5: semua jawaban diperiksa kepala seksi.");
    assertThat(quality.path("capaian").asText())
        .isEqualTo("kualitatif: tidak dihitung dalam capaian numerik");

    JsonNode suggestion = picture.path("suggestion");
    assertThat(suggestion.path("ratingLabel").asText()).isEqualTo("Sesuai ekspektasi");
    assertThat(suggestion.path("rule").asText()).isEqualTo("OTHERWISE");
    assertThat(suggestion.path("explanation").asText())
        .isEqualTo(
            "Aturan: tidak ada indikator Utama di bawah 80%; 1 dari 2 di bawah 100% dan 1"
                + " melampaui 100%, maka disarankan sesuai ekspektasi.");
    // the rating form's one line says the same
    assertThat(rating.variables().get("evaluation").toString())
        .contains("suggestedRating=Sesuai ekspektasi");

    JsonNode may = picture.path("feedback").get(0);
    assertThat(picture.path("feedback")).hasSize(2);
    assertThat(may.path("monthName").asText()).isEqualTo("Mei");
    assertThat(may.path("results").asText()).isEqualTo("Mei: antrean berkurang, pertahankan.");
    assertThat(may.path("perValue")).hasSize(1);
    assertThat(may.path("perValue").get(0).path("name").asText())
        .isEqualTo("Berorientasi Pelayanan");
    assertThat(may.path("perValue").get(0).path("feedback").asText())
        .isEqualTo("Tanggap pada keluhan warga.");

    JsonNode evidence = picture.path("evidence");
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0).path("iki").asText()).isEqualTo("Permohonan dilayani");
    assertThat(evidence.get(0).path("link").asText()).isEqualTo("https://arsip.example.test/mei");
    String url = evidence.get(0).path("files").get(0).path("url").asText();
    assertThat(url).isEqualTo("/api/evidence/" + agency.evidenceId);
    assertThat(
            new Api(http)
                .as(agency.kasi.username())
                .getForEntity(url, byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // peers and subordinates only, as counts and averages; the employee's own answers stay out
    JsonNode f360 = picture.path("feedback360");
    assertThat(f360.path("answers").asInt()).isEqualTo(2);
    assertThat(names(f360.path("perSource"))).containsExactly("Rekan kerja", "Bawahan");
    assertThat(f360.path("perValue")).hasSize(7);
    assertThat(f360.path("perValue").get(0).path("average").asDouble()).isEqualTo(3.5);
    assertThat(f360.path("perValue").get(0).path("answers").asInt()).isEqualTo(2);
    assertThat(f360.path("perValue").get(1).path("average").asDouble()).isEqualTo(5.0);
    assertThat(f360.path("perValue").get(2).path("average").isNull()).isTrue();
    assertThat(f360.path("perValue").get(2).path("answers").asInt()).isZero();
    assertThat(picture.toString()).doesNotContain(agency.rekan.username(), "bawahan\"");

    // the public's answers of April to June; February's stays in the first quarter
    JsonNode answers = picture.path("publicAnswers");
    assertThat(answers.path("period").asText()).isEqualTo("Triwulan II");
    assertThat(answers.path("answers").asInt()).isEqualTo(2);
    assertThat(answers.path("perValue").get(0).path("average").asDouble()).isEqualTo(4.5);
    assertThat(answers.path("perValue").get(1).path("average").asDouble()).isEqualTo(3.0);
    assertThat(answers.path("perValue").get(1).path("answers").asInt()).isEqualTo(1);
    assertThat(answers.path("recentComments")).hasSize(1);
    assertThat(answers.path("recentComments").get(0).path("text").asText())
        .isEqualTo("Pelayanan cepat dan ramah.");
    assertThat(answers.path("recentComments").get(0).path("on").asText())
        .isEqualTo(YEAR + "-06-20");

    // in English, the words change
    JsonNode english = get(agency.kasi.username(), path, "en").getBody();
    assertThat(english.path("suggestion").path("ratingLabel").asText()).isEqualTo("As expected");
    assertThat(english.path("capaian").path("checkInMonthName").asText()).isEqualTo("May");

    // the employee, a colleague and an admin may not see it
    for (String other : List.of(agency.staf.username(), agency.rekan.username(), "admin")) {
      assertThat(get(other, path, "id").getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // the unit predikat's task rates nobody
    ResponseEntity<JsonNode> none =
        get(agency.kasi.username(), "/api/tasks/" + agency.unitPredikatTask + "/picture", "id");
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<JsonNode> get(String user, String path, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return new Api(http)
        .as(user)
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private static List<String> names(JsonNode items) {
    var names = new ArrayList<String>();
    items.forEach(i -> names.add(i.path("name").asText()));
    return names;
  }
}
