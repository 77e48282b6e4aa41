package id.kinerja.review;

import static id.kinerja.review.Predikat.BAIK;
import static id.kinerja.review.Predikat.BUTUH_PERBAIKAN;
import static id.kinerja.review.Predikat.KURANG_MISCONDUCT;
import static id.kinerja.review.Predikat.SANGAT_BAIK;
import static id.kinerja.review.Predikat.SANGAT_KURANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CurveCheckTest {

  private final CurveCheck check = CurveCheck.withDefaults();

  /** A unit's predikat list from pairs (predikat, how many). */
  private static List<Predikat> unit(Object... pairs) {
    var list = new ArrayList<Predikat>();
    for (int i = 0; i < pairs.length; i += 2) {
      list.addAll(Collections.nCopies((Integer) pairs[i + 1], (Predikat) pairs[i]));
    }
    return list;
  }

  /** (code, actual, total, limit) of each violation. */
  private List<Tuple> violations(UnitPredikat unitPredikat, List<Predikat> predikat) {
    return check.check(unitPredikat, predikat).stream()
        .map(v -> tuple(v.constraintCode(), v.actualCount(), v.total(), v.limit()))
        .toList();
  }

  @Test
  void emptyUnitHasNothingToCheck() {
    for (UnitPredikat u : UnitPredikat.values()) {
      assertThat(check.check(u, List.of())).isEmpty();
    }
  }

  @Nested
  class Istimewa {
    @Test
    void atMost70PercentOf7Is4() {
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 4, BAIK, 3))).isEmpty();
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 5, BAIK, 2)))
          .containsExactly(tuple("ISTIMEWA_SB_MAKS", 5, 7, 4));
    }

    @Test
    void exactlyAt70PercentHolds() {
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 7, BAIK, 3))).isEmpty();
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 8, BAIK, 2)))
          .containsExactly(tuple("ISTIMEWA_SB_MAKS", 8, 10, 7));
    }

    @Test
    void tieForLargestCountsAsLargest() {
      assertThat(
              violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 3, BAIK, 3, BUTUH_PERBAIKAN, 1)))
          .isEmpty();
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 2, BAIK, 3)))
          .containsExactly(tuple("ISTIMEWA_SB_TERBESAR", 2, 5, 3));
    }

    @Test
    void smallUnits() {
      // 1 person: 100% > 70%, so a one-person unit cannot be all Sangat Baik
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 1)))
          .containsExactly(tuple("ISTIMEWA_SB_MAKS", 1, 1, 0));
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(BAIK, 1)))
          .containsExactly(tuple("ISTIMEWA_SB_TERBESAR", 0, 1, 1));
      // 2 people: 1 of 2 is 50% and ties for largest
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 1, BAIK, 1))).isEmpty();
      // 3 people: at most 70% of 3 is 2
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 2, BAIK, 1))).isEmpty();
      assertThat(violations(UnitPredikat.ISTIMEWA, unit(SANGAT_BAIK, 3)))
          .containsExactly(tuple("ISTIMEWA_SB_MAKS", 3, 3, 2));
    }
  }

  @Nested
  class Baik {
    @Test
    void withinCurve() {
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 4, SANGAT_BAIK, 2, BUTUH_PERBAIKAN, 1)))
          .isEmpty();
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 4, SANGAT_BAIK, 2, KURANG_MISCONDUCT, 1)))
          .isEmpty();
    }

    @Test
    void atMost70PercentOf7Is4() {
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 5, SANGAT_BAIK, 1, BUTUH_PERBAIKAN, 1)))
          .containsExactly(tuple("BAIK_B_MAKS", 5, 7, 4));
    }

    @Test
    void needsAtLeastOneButuhPerbaikanOrKurang() {
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 4, SANGAT_BAIK, 3)))
          .containsExactly(tuple("BAIK_BP_KM_ADA", 0, 7, 1));
      // Sangat Kurang is not in the group
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 4, SANGAT_BAIK, 2, SANGAT_KURANG, 1)))
          .containsExactly(tuple("BAIK_BP_KM_ADA", 0, 7, 1));
    }

    @Test
    void tieForLargest() {
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 3, SANGAT_BAIK, 3, BUTUH_PERBAIKAN, 1)))
          .isEmpty();
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 2, SANGAT_BAIK, 3, BUTUH_PERBAIKAN, 1)))
          .containsExactly(tuple("BAIK_B_TERBESAR", 2, 6, 3));
    }

    @Test
    void smallUnits() {
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 1)))
          .containsExactly(tuple("BAIK_B_MAKS", 1, 1, 0), tuple("BAIK_BP_KM_ADA", 0, 1, 1));
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 1, BUTUH_PERBAIKAN, 1))).isEmpty();
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 2, BUTUH_PERBAIKAN, 1))).isEmpty();
      assertThat(violations(UnitPredikat.BAIK, unit(BAIK, 3)))
          .containsExactly(tuple("BAIK_B_MAKS", 3, 3, 2), tuple("BAIK_BP_KM_ADA", 0, 3, 1));
    }
  }

  @Nested
  class ButuhPerbaikan {
    @Test
    void atLeast60PercentOf7Is5() {
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 5, BAIK, 2)))
          .isEmpty();
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 4, BAIK, 3)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_BP_MIN", 4, 7, 5));
    }

    @Test
    void exactlyAt60PercentHolds() {
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 6, BAIK, 4)))
          .isEmpty();
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 5, BAIK, 5)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_BP_MIN", 5, 10, 6));
    }

    @Test
    void sangatBaikAtMost10Percent() {
      assertThat(
              violations(
                  UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 6, SANGAT_BAIK, 1, BAIK, 3)))
          .isEmpty();
      assertThat(
              violations(
                  UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 6, SANGAT_BAIK, 2, BAIK, 2)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_SB_MAKS", 2, 10, 1));
      // 10% of 7 is 0.7 people: nobody may be Sangat Baik
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 6, SANGAT_BAIK, 1)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_SB_MAKS", 1, 7, 0));
    }

    @Test
    void smallUnits() {
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 1))).isEmpty();
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BAIK, 1)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_BP_MIN", 0, 1, 1));
      // at least 60% of 2 is 2
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 1, BAIK, 1)))
          .containsExactly(tuple("BUTUH_PERBAIKAN_BP_MIN", 1, 2, 2));
      // at least 60% of 3 is 2
      assertThat(violations(UnitPredikat.BUTUH_PERBAIKAN, unit(BUTUH_PERBAIKAN, 2, BAIK, 1)))
          .isEmpty();
    }
  }

  @Nested
  class Kurang {
    @Test
    void withinCurve() {
      assertThat(
              violations(
                  UnitPredikat.KURANG,
                  unit(KURANG_MISCONDUCT, 6, BUTUH_PERBAIKAN, 1, SANGAT_BAIK, 1, BAIK, 2)))
          .isEmpty();
    }

    @Test
    void eachLimitJustOutside() {
      assertThat(
              violations(
                  UnitPredikat.KURANG,
                  unit(KURANG_MISCONDUCT, 5, BUTUH_PERBAIKAN, 1, SANGAT_BAIK, 2, BAIK, 2)))
          .containsExactly(tuple("KURANG_KM_MIN", 5, 10, 6), tuple("KURANG_SB_MAKS", 2, 10, 1));
      assertThat(violations(UnitPredikat.KURANG, unit(KURANG_MISCONDUCT, 6, BAIK, 4)))
          .containsExactly(tuple("KURANG_BP_MIN", 0, 10, 1));
    }

    @Test
    void atLeast10PercentOf3Is1() {
      assertThat(violations(UnitPredikat.KURANG, unit(KURANG_MISCONDUCT, 2, BUTUH_PERBAIKAN, 1)))
          .isEmpty();
      assertThat(violations(UnitPredikat.KURANG, unit(KURANG_MISCONDUCT, 3)))
          .containsExactly(tuple("KURANG_BP_MIN", 0, 3, 1));
    }

    @Test
    void sevenPeople() {
      // at least 60% of 7 is 5, at least 10% of 7 is 1
      assertThat(violations(UnitPredikat.KURANG, unit(KURANG_MISCONDUCT, 5, BUTUH_PERBAIKAN, 2)))
          .isEmpty();
      assertThat(violations(UnitPredikat.KURANG, unit(KURANG_MISCONDUCT, 4, BUTUH_PERBAIKAN, 3)))
          .containsExactly(tuple("KURANG_KM_MIN", 4, 7, 5));
    }
  }

  @Nested
  class SangatKurang {
    @Test
    void withinCurve() {
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG,
                  unit(SANGAT_KURANG, 6, KURANG_MISCONDUCT, 1, BAIK, 3)))
          .isEmpty();
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG, unit(SANGAT_KURANG, 6, BUTUH_PERBAIKAN, 1, BAIK, 3)))
          .isEmpty();
    }

    @Test
    void eachLimitJustOutside() {
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG,
                  unit(SANGAT_KURANG, 5, KURANG_MISCONDUCT, 1, BAIK, 4)))
          .containsExactly(tuple("SANGAT_KURANG_SK_MIN", 5, 10, 6));
      assertThat(violations(UnitPredikat.SANGAT_KURANG, unit(SANGAT_KURANG, 6, BAIK, 4)))
          .containsExactly(tuple("SANGAT_KURANG_KM_BP_MIN", 0, 10, 1));
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG,
                  unit(SANGAT_KURANG, 6, KURANG_MISCONDUCT, 3, SANGAT_BAIK, 1)))
          .containsExactly(tuple("SANGAT_KURANG_SB_NIHIL", 1, 10, 0));
    }

    @Test
    void kurangAndButuhPerbaikanCountTogether() {
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG,
                  unit(SANGAT_KURANG, 12, KURANG_MISCONDUCT, 1, BUTUH_PERBAIKAN, 1, BAIK, 6)))
          .isEmpty();
      assertThat(
              violations(
                  UnitPredikat.SANGAT_KURANG,
                  unit(SANGAT_KURANG, 12, KURANG_MISCONDUCT, 1, BAIK, 7)))
          .containsExactly(tuple("SANGAT_KURANG_KM_BP_MIN", 1, 20, 2));
    }

    @Test
    void smallUnits() {
      // at least 10% of 1 or 2 people is 1 person
      assertThat(violations(UnitPredikat.SANGAT_KURANG, unit(SANGAT_KURANG, 1)))
          .containsExactly(tuple("SANGAT_KURANG_KM_BP_MIN", 0, 1, 1));
      assertThat(
              violations(UnitPredikat.SANGAT_KURANG, unit(SANGAT_KURANG, 1, KURANG_MISCONDUCT, 1)))
          .containsExactly(tuple("SANGAT_KURANG_SK_MIN", 1, 2, 2));
      assertThat(violations(UnitPredikat.SANGAT_KURANG, unit(SANGAT_KURANG, 2, BUTUH_PERBAIKAN, 1)))
          .isEmpty();
    }
  }
}
