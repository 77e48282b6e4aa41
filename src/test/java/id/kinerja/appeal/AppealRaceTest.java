package id.kinerja.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database keeps one appeal per evaluation: requests racing each other file one. */
class AppealRaceTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired Organisation organisation;

  @Test
  void tenSimultaneousAppealsAgainstOneResultFileOne() throws Exception {
    jdbc.sql(
            "delete from appeal where evaluation_id in (select id from evaluation where period_year = 2041)")
        .update();
    jdbc.sql("delete from evaluation where period_year = 2041").update();
    jdbc.sql("delete from unit_review where period_year = 2041").update();
    long evaluation = deliveredResultOf("pegawai1");
    var api = new Api(http);
    var start = new CountDownLatch(1);
    var answers = new ArrayList<Future<ResponseEntity<JsonNode>>>();
    try (var pool = Executors.newFixedThreadPool(10)) {
      for (int i = 0; i < 10; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post(
                      "pegawai1",
                      "/api/evaluations/" + evaluation + "/appeal",
                      Map.of("reasons", "Realisasi saya mencapai seluruh target yang ditetapkan."));
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get().getStatusCode().value());
      }

      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    }
    assertThat(
            jdbc.sql("select count(*) from appeal where evaluation_id = ?")
                .param(evaluation)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'APPEAL_FILED' and subject_id = ?")
                .param(String.valueOf(evaluation))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * A result delivered to the employee, its appeal window open (recorded directly). Its rater and
   * decider are nobody's demo accounts, so no other test finds their mail.
   */
  private long deliveredResultOf(String username) {
    String nip = organisation.byUsername(username).orElseThrow().nip();
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by) values ('SEKSI-LIP', 2041, 'Q2', 'test') returning id")
            .query(Long.class)
            .single();
    return jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, rater_nip, rater_username,
                                    decider_username, rating_hasil_kerja, rating_perilaku, predikat, status,
                                    delivered_at, appeal_deadline)
            values (?, ?, 2041, 'Q2', '199001012015031099', 'penilai-uji', 'atasan-penilai-uji',
                    'DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN', 'DELIVERED', now(),
                    date '2100-01-01') returning id""")
        .params(review, nip)
        .query(Long.class)
        .single();
  }
}
