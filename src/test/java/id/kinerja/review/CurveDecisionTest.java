package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** processes/kurva-distribusi.dmn, evaluated on the in-memory engine, equals the Java defaults. */
class CurveDecisionTest {

  @ParameterizedTest
  @EnumSource(UnitPredikat.class)
  void decisionRowsEqualJavaDefaults(UnitPredikat unit) {
    Object rows =
        Decisions.evaluate(
            CurveConstraints.DECISION_ID, Map.of(CurveConstraints.INPUT, unit.name()));

    assertThat(rows).isInstanceOf(List.class);
    assertThat(CurveConstraints.fromDecisionRows((List<?>) rows))
        .isNotEmpty()
        .containsExactlyElementsOf(CurveConstraints.defaults().forUnit(unit));
  }

  @Test
  void unreadableRowNamesTheValueAndTheAllowedOnes() {
    var row =
        Map.of(
            "kode", "X", "kelompok", "SANGAT_BAIK", "perbandingan", "PALING_BANYAK", "persen", 70);

    assertThatThrownBy(() -> CurveConstraints.fromDecisionRows(List.of(row)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'perbandingan' in row 1 of kurva-distribusi is 'PALING_BANYAK'; allowed:"
                + " [AT_MOST, AT_LEAST, LARGEST, NONE, ANY]");
  }

  @Test
  void percentIsRequiredForAtMost() {
    var row = Map.of("kode", "X", "kelompok", "SANGAT_BAIK", "perbandingan", "AT_MOST");

    assertThatThrownBy(() -> CurveConstraints.fromDecisionRows(List.of(row)))
        .hasMessageContaining("X (AT_MOST) needs a percent from 0 to 100");
  }
}
