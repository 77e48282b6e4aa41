package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Pengelola Kinerja's follow-up lists of a year, read from delivered annual results. */
class FollowUpTest extends IntegrationTest {

  static final int YEAR = 2091;

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @Test
  void talentPoolImprovementPeriodsAndPromotionEligibilityFollowTheFinalPredikat() {
    var agency = new TestAgency(jdbc);
    Person head = agency.person("kepala", "IV/a", null);
    Person excellent = agency.person("unggul", "III/c", head);
    Person steady = agency.person("stabil", "III/c", head);
    Person recovered = agency.person("pulih", "III/c", head);
    Person behind = agency.person("tertinggal", "III/b", head);
    Person appealing = agency.person("keberatan", "III/b", head);
    String unit =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    long before = review(unit, YEAR - 1);
    long now = review(unit, YEAR);
    delivered(before, excellent, YEAR - 1, "SANGAT_BAIK");
    delivered(now, excellent, YEAR, "SANGAT_BAIK");
    delivered(before, steady, YEAR - 1, "BAIK");
    delivered(now, steady, YEAR, "BAIK");
    delivered(before, recovered, YEAR - 1, "BUTUH_PERBAIKAN");
    delivered(now, recovered, YEAR, "BAIK");
    long behindResult = delivered(now, behind, YEAR, "BUTUH_PERBAIKAN");
    long appealed = delivered(now, appealing, YEAR, "KURANG_MISCONDUCT");
    jdbc.sql(
            """
            insert into improvement_period (process_instance_key, evaluation_id, employee_nip, period_year, predikat, started_at)
            values (:key, :evaluation, :nip, :year, 'BUTUH_PERBAIKAN', now())""")
        .param("key", -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .param("evaluation", behindResult)
        .param("nip", behind.nip())
        .param("year", YEAR)
        .update();
    jdbc.sql(
            "insert into appeal (evaluation_id, employee_nip, rater_nip, status, reasons) values (:e, :nip, :rater, 'OPEN', 'Bukti belum dipertimbangkan')")
        .param("e", appealed)
        .param("nip", appealing.nip())
        .param("rater", head.nip())
        .update();

    JsonNode board =
        http.withBasicAuth("pengelola", "demo")
            .getForObject("/api/follow-up?year=" + YEAR, JsonNode.class);

    assertThat(nips(board, "talentPool")).containsExactly(excellent.nip());
    assertThat(nips(board, "promotionEligible"))
        .containsExactlyInAnyOrder(excellent.nip(), steady.nip());
    assertThat(nips(board, "belowBaik")).containsExactlyInAnyOrder(behind.nip(), appealing.nip());
    for (JsonNode entry : board.path("belowBaik")) {
      boolean isBehind = entry.path("nip").asText().equals(behind.nip());
      assertThat(entry.path("improvement").asText(null)).isEqualTo(isBehind ? "RUNNING" : null);
      assertThat(entry.path("appealPending").asBoolean()).isEqualTo(!isBehind);
    }
    assertThat(
            http.withBasicAuth("pegawai1", "demo")
                .getForEntity("/api/follow-up?year=" + YEAR, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private long review(String unit, int year) {
    return jdbc.sql(
            "insert into unit_review (unit_code, period_year, period, started_by, status) values (:unit, :year, 'ANNUAL', 'test', 'FINAL') returning id")
        .param("unit", unit)
        .param("year", year)
        .query(Long.class)
        .single();
  }

  private long delivered(long review, Person person, int year, String predikat) {
    return jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, predikat, status, delivered_at)
            values (:review, :nip, :year, 'ANNUAL', :predikat, 'DELIVERED', now()) returning id""")
        .param("review", review)
        .param("nip", person.nip())
        .param("year", year)
        .param("predikat", predikat)
        .query(Long.class)
        .single();
  }

  private static List<String> nips(JsonNode board, String list) {
    var nips = new ArrayList<String>();
    board.path(list).forEach(e -> nips.add(e.path("nip").asText()));
    return nips;
  }
}
