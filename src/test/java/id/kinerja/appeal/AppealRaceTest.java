package id.kinerja.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database keeps one appeal per evaluation: two requests racing each other file one, however
 * their transactions interleave.
 */
class AppealRaceTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired Organisation organisation;
  @Autowired TransactionTemplate transactions;

  @Test
  void twoAppealsRacingEachOtherAgainstOneResultFileOne() throws Exception {
    long evaluation = deliveredResultOf("pegawai1");
    var api = new Api(http);
    var held = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(3)) {
      // keep the first appeal from committing: it waits to append to the audit trail
      Future<?> holder =
          pool.submit(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        jdbc.sql("select pg_advisory_xact_lock(hashtext('kinerja:audit-chain'))")
                            .query((RowCallbackHandler) rs -> {});
                        held.countDown();
                        await(release);
                      }));
      held.await();
      var answers = new ArrayList<Future<ResponseEntity<JsonNode>>>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            pool.submit(
                () ->
                    api.post(
                        "pegawai1",
                        "/api/evaluations/" + evaluation + "/appeal",
                        Map.of(
                            "reasons",
                            "Realisasi saya mencapai seluruh target yang ditetapkan."))));
      }
      // both requests are inside their transactions, neither has committed
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waiting() >= 2);
      release.countDown();
      holder.get();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get().getStatusCode().value());
      }

      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }
    assertThat(
            jdbc.sql("select count(*) from appeal where evaluation_id = ?")
                .param(evaluation)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** Sessions blocked in an appeal's insert or in its wait to append to the audit trail. */
  private long waiting() {
    return jdbc.sql(
            """
            select count(*) from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'
               and (query like '%insert into appeal%' or query like '%kinerja:audit-chain%')""")
        .query(Long.class)
        .single();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
