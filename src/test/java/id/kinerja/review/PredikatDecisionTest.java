package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matrix and the unit-head mapping, evaluated by the real DMN on the in-memory engine. */
class PredikatDecisionTest {

  @ParameterizedTest(name = "hasil kerja {0}, perilaku {1} -> {2}")
  @CsvSource({
    "DI_ATAS_EKSPEKTASI,  DI_BAWAH_EKSPEKTASI, KURANG_MISCONDUCT",
    "DI_ATAS_EKSPEKTASI,  SESUAI_EKSPEKTASI,   BAIK",
    "DI_ATAS_EKSPEKTASI,  DI_ATAS_EKSPEKTASI,  SANGAT_BAIK",
    "SESUAI_EKSPEKTASI,   DI_BAWAH_EKSPEKTASI, KURANG_MISCONDUCT",
    "SESUAI_EKSPEKTASI,   SESUAI_EKSPEKTASI,   BAIK",
    "SESUAI_EKSPEKTASI,   DI_ATAS_EKSPEKTASI,  BAIK",
    "DI_BAWAH_EKSPEKTASI, DI_BAWAH_EKSPEKTASI, SANGAT_KURANG",
    "DI_BAWAH_EKSPEKTASI, SESUAI_EKSPEKTASI,   BUTUH_PERBAIKAN",
    "DI_BAWAH_EKSPEKTASI, DI_ATAS_EKSPEKTASI,  BUTUH_PERBAIKAN",
  })
  void matrixCell(Rating hasilKerja, Rating perilaku, Predikat expected) {
    Object predikat =
        Decisions.evaluate(
            "predikat-kinerja",
            Map.of("ratingHasilKerja", hasilKerja.name(), "ratingPerilaku", perilaku.name()));

    assertThat(predikat).isEqualTo(expected.name());
  }

  @ParameterizedTest(name = "unit {0} -> head rated {1}")
  @CsvSource({
    "ISTIMEWA,        DI_ATAS_EKSPEKTASI",
    "BAIK,            SESUAI_EKSPEKTASI",
    "BUTUH_PERBAIKAN, DI_BAWAH_EKSPEKTASI",
    "KURANG,          DI_BAWAH_EKSPEKTASI",
    "SANGAT_KURANG,   DI_BAWAH_EKSPEKTASI",
  })
  void unitHeadRating(UnitPredikat unit, Rating expected) {
    Object rating =
        Decisions.evaluate("rating-pimpinan-unit", Map.of("predikatOrganisasi", unit.name()));

    assertThat(rating).isEqualTo(expected.name());
  }
}
