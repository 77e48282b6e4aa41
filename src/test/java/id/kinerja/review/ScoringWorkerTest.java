package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The worker methods called directly with variable maps, as the client hands them over. */
@SuppressWarnings("unchecked")
class ScoringWorkerTest {

  /** The review bundle as the application configures it (UTF-8, no system-locale fallback). */
  static ResourceBundleMessageSource messages() {
    var messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/review");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  static ScoringWorker worker() {
    return new ScoringWorker(messages(), CapaianCalculator.DEFAULT_FLOOR_PERCENT);
  }

  private final ScoringWorker worker = worker();

  private String failure(Runnable call) {
    return worker.message(catchThrowableOfType(InvalidVariableException.class, call::run));
  }

  @Test
  void suggestRating() {
    Map<String, Object> out =
        worker.suggestRating(
            Map.of(
                "indicators",
                List.of(
                    Map.of("jenis", "UTAMA", "target", 10, "realisasi", 12),
                    Map.of("jenis", "UTAMA", "target", 10, "realisasi", 8, "lowerIsBetter", true),
                    Map.of("jenis", "TAMBAHAN", "target", 5.5))));

    assertThat(out).containsEntry("suggestedRating", "DI_ATAS_EKSPEKTASI");
    assertThat((List<Object>) out.get("capaian"))
        .containsExactly(
            (Object)
                Map.of(
                    "jenis",
                    "UTAMA",
                    "persen",
                    new BigDecimal("120.00"),
                    "status",
                    "DI_ATAS_100",
                    "belowFloor",
                    false),
            Map.of(
                "jenis",
                "UTAMA",
                "persen",
                new BigDecimal("125.00"),
                "status",
                "DI_ATAS_100",
                "belowFloor",
                false),
            nullPersen("TAMBAHAN", "BELUM_ADA_REALISASI"));
  }

  private static Map<String, Object> nullPersen(String jenis, String status) {
    var row = new HashMap<String, Object>();
    row.put("jenis", jenis);
    row.put("persen", null);
    row.put("status", status);
    row.put("belowFloor", false);
    return row;
  }

  @Test
  void suggestRatingWithoutUtamaSuggestsNothing() {
    Map<String, Object> out = worker.suggestRating(Map.of("indicators", List.of()));

    assertThat(out).containsEntry("suggestedRating", null).containsEntry("capaian", List.of());
  }

  @Test
  void floorFromTheProcessOverridesTheDefault() {
    var indicators =
        List.of(
            Map.of("jenis", "UTAMA", "target", 100, "realisasi", 85),
            Map.of("jenis", "UTAMA", "target", 10, "realisasi", 20),
            Map.of("jenis", "UTAMA", "target", 10, "realisasi", 20));

    assertThat(worker.suggestRating(Map.of("indicators", indicators)))
        .containsEntry("suggestedRating", "SESUAI_EKSPEKTASI");
    assertThat(worker.suggestRating(Map.of("indicators", indicators, "capaianFloorPercent", 90)))
        .containsEntry("suggestedRating", "DI_BAWAH_EKSPEKTASI");
  }

  @Test
  void checkCurveReportsViolationsInBothLanguages() {
    Map<String, Object> out =
        worker.checkCurve(
            Map.of(
                "unitPredikat",
                "BAIK",
                "predikatList",
                List.of("BAIK", "BAIK", "BAIK", "BAIK", "BAIK", "SANGAT_BAIK", "SANGAT_BAIK")));

    assertThat(out).containsEntry("curveOk", false);
    assertThat((List<Map<String, Object>>) out.get("curveViolations"))
        .extracting("code", "actualCount", "total", "limit")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BAIK_B_MAKS", 5, 7, 4),
            org.assertj.core.groups.Tuple.tuple("BAIK_BP_KM_ADA", 0, 7, 1));
    var first = ((List<Map<String, Object>>) out.get("curveViolations")).get(0);
    assertThat(first)
        .containsEntry(
            "message",
            "Predikat Baik paling banyak 70% pegawai unit, yaitu 4 dari 7 orang; saat ini 5 orang.")
        .containsEntry(
            "messageEn",
            "Good must be at most 70% of the unit, that is 4 of 7 people; currently 5.")
        .containsEntry("comparison", "AT_MOST")
        .containsEntry("group", List.of("BAIK"))
        .containsEntry("percent", new BigDecimal("70"));
    var second = ((List<Map<String, Object>>) out.get("curveViolations")).get(1);
    assertThat(second.get("message"))
        .isEqualTo(
            "Paling sedikit satu pegawai harus berpredikat Butuh Perbaikan atau Kurang/Misconduct;"
                + " saat ini tidak ada (dari 7 orang).");
  }

  @Test
  void checkCurveOk() {
    assertThat(
            worker.checkCurve(
                Map.of("unitPredikat", "ISTIMEWA", "predikatList", List.of("SANGAT_BAIK", "BAIK"))))
        .containsEntry("curveOk", true)
        .containsEntry("curveViolations", List.of());
  }

  @Test
  void checkCurveUsesRowsFromTheDecisionWhenGiven() {
    // a process owner raised the ISTIMEWA limit to 80%: 5 of 7 (71%) now fits
    List<Map<String, Object>> rows =
        List.of(
            Map.of(
                "kode",
                "ISTIMEWA_SB_MAKS",
                "kelompok",
                "SANGAT_BAIK",
                "perbandingan",
                "AT_MOST",
                "persen",
                80));
    var predikat =
        List.of(
            "SANGAT_BAIK",
            "SANGAT_BAIK",
            "SANGAT_BAIK",
            "SANGAT_BAIK",
            "SANGAT_BAIK",
            "BAIK",
            "BAIK");

    assertThat(worker.checkCurve(Map.of("unitPredikat", "ISTIMEWA", "predikatList", predikat)))
        .containsEntry("curveOk", false);
    assertThat(
            worker.checkCurve(
                Map.of(
                    "unitPredikat",
                    "ISTIMEWA",
                    "predikatList",
                    predikat,
                    "curveConstraints",
                    rows)))
        .containsEntry("curveOk", true);
  }

  @Test
  void legacyScore() {
    assertThat(
            worker.legacyScore(
                Map.of("nilaiSkp", 115, "nilaiPerilaku", 110, "hasInnovation", true)))
        .containsEntry("kategoriKinerja", "SANGAT_BAIK")
        .containsEntry("kategoriKinerjaLabel", "Sangat Baik")
        .satisfies(
            out -> assertThat((BigDecimal) out.get("nilaiKinerja")).isEqualByComparingTo("113.5"));
    assertThat(worker.legacyScore(Map.of("nilaiSkp", 115, "nilaiPerilaku", 110)))
        .containsEntry("kategoriKinerja", "BAIK");
  }

  @Test
  void unknownEnumValueNamesTheVariableAndTheAllowedValues() {
    assertThat(
            failure(
                () ->
                    worker.checkCurve(
                        Map.of("unitPredikat", "ISTIMEWAH", "predikatList", List.of()))))
        .isEqualTo(
            "Variabel proses 'unitPredikat' bernilai 'ISTIMEWAH'; yang diharapkan: salah satu dari"
                + " ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG. / Process variable"
                + " 'unitPredikat' is 'ISTIMEWAH'; expected: one of ISTIMEWA, BAIK, BUTUH_PERBAIKAN,"
                + " KURANG, SANGAT_KURANG.");
    assertThat(
            failure(
                () ->
                    worker.checkCurve(
                        Map.of("unitPredikat", "BAIK", "predikatList", List.of("BAIK", "BAGUS")))))
        .contains("'predikatList[2]' bernilai 'BAGUS'")
        .contains("one of SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG_MISCONDUCT, SANGAT_KURANG");
  }

  @Test
  void missingVariableIsNamed() {
    assertThat(failure(() -> worker.checkCurve(Map.of("predikatList", List.of()))))
        .startsWith("Variabel proses 'unitPredikat' tidak ada; yang diharapkan: salah satu dari")
        .contains("Process variable 'unitPredikat' is missing; expected: one of ISTIMEWA");
    assertThat(failure(() -> worker.suggestRating(Map.of())))
        .isEqualTo(
            "Variabel proses 'indicators' tidak ada; yang diharapkan: daftar (list). / Process"
                + " variable 'indicators' is missing; expected: a list.");
  }

  @Test
  void badIndicatorFieldsAreNamedWithTheirPosition() {
    assertThat(
            failure(
                () ->
                    worker.suggestRating(
                        Map.of(
                            "indicators", List.of(Map.of("jenis", "UTAMA", "target", "banyak"))))))
        .contains("'indicators[1].target' bernilai 'banyak'; yang diharapkan: angka 0 atau lebih");
    assertThat(
            failure(
                () ->
                    worker.suggestRating(
                        Map.of("indicators", List.of(Map.of("jenis", "POKOK", "target", 1))))))
        .contains("'indicators[1].jenis' is 'POKOK'; expected: one of UTAMA, TAMBAHAN");
  }

  @Test
  void legacyScoreOutOfRange() {
    assertThat(failure(() -> worker.legacyScore(Map.of("nilaiSkp", 130, "nilaiPerilaku", 100))))
        .contains("Process variable 'nilaiSkp' is '130'; expected: a number from 0 to 120.");
    assertThat(
            failure(
                () ->
                    worker.legacyScore(
                        Map.of("nilaiSkp", 100, "nilaiPerilaku", 100, "peersRated", "ya"))))
        .contains("'peersRated' is 'ya'; expected: true or false");
  }
}
