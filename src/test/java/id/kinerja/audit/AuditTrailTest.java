package id.kinerja.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail is readable by admins and the Pengelola Kinerja, can only grow, and reports the
 * entry where someone with database access changed or removed what it says.
 */
class AuditTrailTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void anEntryChangedInTheDatabaseIsReportedAsTheFirstBrokenOne() {
    String actor = actor();
    long id = record(actor, Map.of("predikat", "BUTUH_PERBAIKAN"));
    record(actor, Map.of("predikat", "BAIK"));
    var api = new Api(http);
    assertThat(api.get("admin", "/api/audit/verify").path("intact").asBoolean()).isTrue();

    asDatabaseOwner(
        "update audit_event set after_state = '{\"predikat\": \"SANGAT_BAIK\"}' where id = " + id);
    try {
      JsonNode verification = api.get("pengelola", "/api/audit/verify");

      assertThat(verification.path("intact").asBoolean()).isFalse();
      assertThat(verification.path("firstBroken").path("id").asLong()).isEqualTo(id);
      assertThat(verification.path("firstBroken").path("reason").asText()).isEqualTo("ALTERED");
      assertThat(verification.path("entries").asLong()).isGreaterThanOrEqualTo(2);
    } finally {
      asDatabaseOwner(
          "update audit_event set after_state = '{\"predikat\": \"BUTUH_PERBAIKAN\"}' where id = "
              + id);
    }
    assertThat(api.get("admin", "/api/audit/verify").path("intact").asBoolean()).isTrue();
  }

  @Test
  void anEntryRemovedBreaksTheLinkOfTheOneAfterIt() {
    String actor = actor();
    record(actor, Map.of("step", 1));
    long removed = record(actor, Map.of("step", 2));
    long next = record(actor, Map.of("step", 3));
    String row =
        jdbc.sql("select row_to_json(a)::text from audit_event a where id = ?")
            .param(removed)
            .query(String.class)
            .single();

    asDatabaseOwner("delete from audit_event where id = " + removed);
    try {
      JsonNode verification = new Api(http).get("admin", "/api/audit/verify");

      assertThat(verification.path("intact").asBoolean()).isFalse();
      assertThat(verification.path("firstBroken").path("id").asLong()).isEqualTo(next);
      assertThat(verification.path("firstBroken").path("reason").asText()).isEqualTo("LINK");
    } finally {
      asDatabaseOwner(
          "insert into audit_event select * from json_populate_record(null::audit_event, '"
              + row.replace("'", "''")
              + "')");
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void theTrailCanOnlyGrow() {
    long id = record(actor(), Map.of("x", 1));

    assertThatThrownBy(
            () ->
                jdbc.sql("update audit_event set actor = 'someone' where id = ?")
                    .param(id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void appendsRacingEachOtherStayOneChain() throws Exception {
    String actor = actor();
    try (var pool = Executors.newFixedThreadPool(8)) {
      var done = new ArrayList<Future<Long>>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        done.add(pool.submit(() -> record(actor, Map.of("n", n))));
      }
      for (var d : done) {
        d.get();
      }
    }

    AuditTrail.Verification verification = trail.verify();
    assertThat(verification.intact()).isTrue();
    assertThat(
            jdbc.sql("select count(*) from audit_event where actor = ?")
                .param(actor)
                .query(Long.class)
                .single())
        .isEqualTo(40);
  }

  @Test
  void adminsAndOfficersReadTheTrailByActorAndSubjectOthersDoNot() {
    String actor = actor();
    record(actor, Map.of("predikat", "BAIK"));
    record(actor, Map.of("predikat", "SANGAT_BAIK"));
    var api = new Api(http);

    JsonNode page =
        api.get("pengelola", "/api/audit?actor=" + actor + "&subject=EVALUATION:77&size=1");

    assertThat(page.path("total").asLong()).isEqualTo(2);
    assertThat(page.path("items")).hasSize(1);
    JsonNode newest = page.path("items").get(0);
    assertThat(newest.path("after").path("predikat").asText()).isEqualTo("SANGAT_BAIK");
    assertThat(newest.path("actionLabel").asText()).isEqualTo("Rating dikalibrasi");
    assertThat(newest.path("hash").asText()).hasSize(64);
    assertThat(
            api.get("admin", "/api/audit?actor=" + actor + "&from=2000-01-01&to=2000-12-31")
                .path("total")
                .asLong())
        .isZero();
    for (String stranger : new String[] {"pegawai1", "atasan1", "pemilik"}) {
      assertThat(api.as(stranger).getForEntity("/api/audit", JsonNode.class).getStatusCode())
          .as(stranger)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(api.as(stranger).getForEntity("/api/audit/verify", JsonNode.class).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  private long record(String actor, Map<String, Object> after) {
    return transactions.execute(
        status -> {
          trail.record(actor, "RATING_CALIBRATED", "EVALUATION", 77, null, after);
          return jdbc.sql("select max(id) from audit_event where actor = ?")
              .param(actor)
              .query(Long.class)
              .single();
        });
  }

  /** What someone with the database's own rights could do: with the append-only triggers off. */
  private void asDatabaseOwner(String statement) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("set local session_replication_role = replica").update();
          jdbc.sql(statement).update();
        });
  }

  private static String actor() {
    return "audit-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
