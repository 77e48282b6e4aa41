package id.kinerja.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aligning an approved SKP again: only to RHKs of the rater's approved SKP of its year, one for
 * each result in order, only one's own approved SKP; the approval stays and the change is audited.
 */
class SkpAlignmentTest extends IntegrationTest {

  private static final String A = "Meningkatnya kualitas layanan perizinan";
  private static final String B = "Terselesaikannya pengaduan masyarakat";
  private static final String GONE = "RHK penilai yang lama";

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Person rater;
  private Person employee;
  private Session asEmployee;

  @BeforeEach
  void team() {
    var agency = new TestAgency(jdbc);
    Person head = agency.person("kepala", "IV/b", null);
    rater = agency.withDemoPassword(agency.person("penilai", "IV/a", head));
    employee = agency.withDemoPassword(agency.person("pegawai", "III/a", rater));
    asEmployee = Session.signIn(port, employee.username(), "demo");
  }

  @Test
  void anApprovedSkpIsAlignedToTheRatersRhkOnly() {
    long skp = skp(employee, "APPROVED", result(GONE, "Hasil kerja 1"), result(A, "Hasil kerja 2"));

    // the rater has no approved SKP of the year: nothing to align to
    assertThat(asEmployee.get("/api/my/alignment")).isEmpty();
    var refused = asEmployee.send("PUT", alignment(skp), Map.of("rhkAtasan", List.of(A, A)));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText())
        .isEqualTo("Penilai Anda belum memiliki SKP 2026 yang ditetapkan.");

    skp(rater, "APPROVED", result("RHK kepala", A), result("RHK kepala", B));
    var toAlign = asEmployee.get("/api/my/alignment");
    assertThat(toAlign).hasSize(1);
    assertThat(toAlign.get(0).path("unsupported").toString()).isEqualTo("[\"" + GONE + "\"]");
    assertThat(toAlign.get(0).path("offered").toString()).contains(A, B);

    var tooFew = asEmployee.send("PUT", alignment(skp), Map.of("rhkAtasan", List.of(B)));
    assertThat(tooFew.status()).isEqualTo(400);
    assertThat(tooFew.body().path("detail").asText())
        .isEqualTo("SKP ini memiliki 2 hasil kerja, sedangkan pilihan yang dikirim 1.");
    var notOffered = asEmployee.send("PUT", alignment(skp), Map.of("rhkAtasan", List.of(B, GONE)));
    assertThat(notOffered.status()).isEqualTo(400);
    assertThat(notOffered.body().path("detail").asText())
        .isEqualTo("RHK pimpinan untuk hasil kerja ke-2 bukan RHK dalam SKP penilai Anda.");

    assertThat(asEmployee.send("PUT", alignment(skp), Map.of("rhkAtasan", List.of(B, A))).status())
        .isEqualTo(204);
    assertThat(
            jdbc.sql(
                    "select status || ': ' || (content -> 'hasilKerja' -> 0 ->> 'rhkAtasan') from skp where id = :id")
                .param("id", skp)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED: " + B);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'SKP_ALIGNED' and subject_id = :id and actor = :u")
                .param("id", String.valueOf(skp))
                .param("u", employee.username())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(asEmployee.get("/api/my/alignment")).isEmpty();

    // the rater's team page: both RHKs supported by the employee now
    var team = Session.signIn(port, rater.username(), "demo").get("/api/team/alignment?year=2026");
    assertThat(team.path("nobodySupports")).isEmpty();
    assertThat(team.path("rhk").get(0).path("supporters").get(0).path("nip").asText())
        .isEqualTo(employee.nip());
    assertThat(team.path("people").get(0).path("unsupported")).isEmpty();
  }

  @Test
  void anSkpStillInPlanningOrSomebodyElsesIsNotAlignedHere() {
    skp(rater, "APPROVED", result("RHK kepala", A));
    long drafted = skp(employee, "SUBMITTED", result(GONE, "Hasil kerja 1"));
    var refused = asEmployee.send("PUT", alignment(drafted), Map.of("rhkAtasan", List.of(A)));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText()).contains("SKP yang masih disusun");

    long ratersOwn = skp(rater, "APPROVED", result("RHK kepala lain", B));
    assertThat(
            asEmployee.send("PUT", alignment(ratersOwn), Map.of("rhkAtasan", List.of(A))).status())
        .isEqualTo(404);
  }

  private static String alignment(long skp) {
    return "/api/my/skp/" + skp + "/alignment";
  }

  /** A result supporting the superior's RHK {@code rhkAtasan}. */
  private static Map<String, Object> result(String rhkAtasan, String rhk) {
    return Map.of("jenis", "UTAMA", "rhkAtasan", rhkAtasan, "rhk", rhk, "indikator", List.of());
  }

  /** An SKP of 2026 with these results. */
  @SafeVarargs
  private long skp(Person owner, String status, Map<String, Object>... results) {
    return jdbc.sql(
            """
            insert into skp (employee_nip, period_year, process_instance_key, status, approach, content)
            values (:nip, 2026, :key, :status, 'KUANTITATIF', cast(:content as jsonb)) returning id""")
        .param("nip", owner.nip())
        .param("key", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50))
        .param("status", status)
        .param("content", JSON.valueToTree(Map.of("hasilKerja", List.of(results))).toString())
        .query(Long.class)
        .single();
  }
}
