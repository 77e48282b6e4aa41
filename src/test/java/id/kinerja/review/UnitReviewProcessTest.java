package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.monitoring.CheckIns;
import id.kinerja.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/unit-review.bpmn, its preparation: each employee's evaluation with the quarterly
 * capaian suggestion, which compares realisasi with the plan to date over the quantitative
 * indicators only. The steps of each employee: EmployeeReviewProcessTest.
 */
class UnitReviewProcessTest extends IntegrationTest {

  static final int YEAR = 2094;

  @Autowired JdbcClient jdbc;
  @Autowired Evaluations evaluations;
  @Autowired CheckIns checkIns;

  @Test
  void theQuarterlySuggestionComparesRealisasiWithThePlanToDate() {
    var agency = new TestAgency(jdbc);
    Person kepala = agency.person("kepala", "IV/a", null);
    Person onPlan = agency.person("sesuai", "III/a", kepala);
    agency.head(agency.root(), kepala);
    String unit = agency.code(agency.root());
    // by the end of March: 30 of an annual 120, a quarter of the plan
    checkIns.record(
        "test-" + onPlan.nip(),
        onPlan.nip(),
        YEAR,
        1,
        3,
        List.of(
            Map.of("jenis", "UTAMA", "iki", "Permohonan dilayani", "target", 120, "realisasi", 30)),
        null,
        null,
        null,
        new CheckIns.Gap(false, ""));

    assertThat(suggestion(unit, "Q1", onPlan)).isEqualTo("Sesuai ekspektasi");
    // the same realisasi at the end of the year is a quarter of the annual target
    assertThat(suggestion(unit, "ANNUAL", onPlan)).isEqualTo("Di bawah ekspektasi");
  }

  @Test
  void theSuggestionCountsOnlyQuantitativeIndicatorsAndSaysSo() {
    var agency = new TestAgency(jdbc);
    Person kepala = agency.person("kepala", "IV/a", null);
    Person mixed = agency.person("campuran", "III/a", kepala);
    Person qualitativeOnly = agency.person("kualitatif", "III/a", kepala);
    agency.head(agency.root(), kepala);
    String unit = agency.code(agency.root());
    Map<String, Object> narrative =
        Map.of(
            "jenis",
            "UTAMA",
            "tipe",
            "KUALITATIF",
            "iki",
            "Kualitas jawaban",
            "hasilDiharapkan",
            "Jawaban lengkap dan jelas",
            "narasi",
            "Semua jawaban diperiksa atasan.");
    record(
        mixed,
        List.of(
            Map.of("jenis", "UTAMA", "iki", "Permohonan dilayani", "target", 120, "realisasi", 30),
            narrative));
    record(qualitativeOnly, List.of(narrative));

    String period = "Q1";
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by) values (:unit, :year, :period, 'test') returning id")
            .param("unit", unit)
            .param("year", YEAR)
            .param("period", period)
            .query(Long.class)
            .single();
    List<Map<String, Object>> items = evaluations.prepare(review, "BAIK");

    // on plan by March; the qualitative indicator is the rater's to judge
    assertThat(item(items, mixed))
        .containsEntry("suggestedRating", "Sesuai ekspektasi")
        .containsEntry(
            "suggestionBasis",
            "dihitung dari 1 indikator kuantitatif Utama; 1 indikator kualitatif tidak dihitung"
                + " dalam capaian numerik, Anda menilainya dari narasi dan bukti dukung");
    assertThat(item(items, qualitativeOnly))
        .containsEntry("suggestedRating", "-")
        .containsEntry(
            "suggestionBasis",
            "tidak ada saran numerik: semua indikator (1) kualitatif dan tidak dihitung dalam"
                + " capaian numerik, Anda menilainya dari narasi dan bukti dukung");
  }

  /** A check-in at the end of March with these rows. */
  private void record(Person person, List<Map<String, Object>> items) {
    checkIns.record(
        "test-" + person.nip(),
        person.nip(),
        YEAR,
        1,
        3,
        items,
        null,
        null,
        null,
        new CheckIns.Gap(false, ""));
  }

  private static Map<String, Object> item(List<Map<String, Object>> items, Person person) {
    return items.stream()
        .filter(item -> person.nip().equals(item.get("employeeNip")))
        .findFirst()
        .orElseThrow();
  }

  private String suggestion(String unit, String period, Person person) {
    long review =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by) values (:unit, :year, :period, 'test') returning id")
            .param("unit", unit)
            .param("year", YEAR)
            .param("period", period)
            .query(Long.class)
            .single();
    return evaluations.prepare(review, "BAIK").stream()
        .filter(item -> person.nip().equals(item.get("employeeNip")))
        .findFirst()
        .orElseThrow()
        .get("suggestedRating")
        .toString();
  }
}
