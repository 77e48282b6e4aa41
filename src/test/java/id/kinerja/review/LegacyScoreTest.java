package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kinerja.review.LegacyScore.Kategori;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyScoreTest {

  @Test
  void weights70And30() {
    var score = LegacyScore.of(new BigDecimal("100"), new BigDecimal("80"), false, false);

    assertThat(score.nilai()).isEqualByComparingTo("94");
    assertThat(score.kategori()).isEqualTo(Kategori.BAIK);
  }

  @Test
  void weights60And40WhenPeersRated() {
    var score = LegacyScore.of(new BigDecimal("100"), new BigDecimal("80"), true, false);

    assertThat(score.nilai()).isEqualByComparingTo("92");
  }

  @ParameterizedTest(name = "{0} with innovation {1} -> {2}")
  @CsvSource({
    "120,    true,  SANGAT_BAIK",
    "110,    true,  SANGAT_BAIK",
    "110,    false, BAIK",
    "109.99, true,  BAIK",
    "90,     false, BAIK",
    "89.99,  false, CUKUP",
    "70,     false, CUKUP",
    "69.99,  false, KURANG",
    "50,     false, KURANG",
    "49.99,  true,  SANGAT_KURANG",
    "0,      false, SANGAT_KURANG",
  })
  void categoryBoundaries(BigDecimal nilai, boolean innovation, Kategori expected) {
    // equal SKP and behaviour values give that nilai under any weights
    var score = LegacyScore.of(nilai, nilai, false, innovation);

    assertThat(score.nilai()).isEqualByComparingTo(nilai);
    assertThat(score.kategori()).isEqualTo(expected);
  }

  @Test
  void valuesOutsideTheScaleAreRejected() {
    assertThatThrownBy(() -> LegacyScore.of(new BigDecimal("121"), BigDecimal.TEN, false, false))
        .hasMessage("nilaiSkp must be from 0 to 120, was 121");
    assertThatThrownBy(() -> LegacyScore.of(BigDecimal.TEN, new BigDecimal("-1"), false, false))
        .hasMessage("nilaiPerilaku must be from 0 to 120, was -1");
  }
}
