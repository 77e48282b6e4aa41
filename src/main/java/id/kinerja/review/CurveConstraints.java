package id.kinerja.review;

import id.kinerja.review.CurveConstraint.Comparison;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distribution curve table (SE MenPANRB 3/2023): the constraints per unit predikat.
 *
 * <p>The table process owners edit is the decision {@value #DECISION_ID} in {@code
 * processes/kurva-distribusi.dmn} (hit policy COLLECT, one row per constraint, outputs {@value
 * #CODE}, {@value #GROUP}, {@value #COMPARISON}, {@value #PERCENT}); {@link
 * #fromDecisionRows(List)} reads its result. {@link #defaults()} is the same table in Java, used
 * when the decision is not available; a test keeps both equal.
 */
public final class CurveConstraints {

  public static final String DECISION_ID = "kurva-distribusi";
  public static final String INPUT = "predikatOrganisasi";
  public static final String CODE = "kode";
  public static final String GROUP = "kelompok";
  public static final String COMPARISON = "perbandingan";
  public static final String PERCENT = "persen";

  private static final CurveConstraints DEFAULTS = buildDefaults();

  private final Map<UnitPredikat, List<CurveConstraint>> byUnit;

  private CurveConstraints(Map<UnitPredikat, List<CurveConstraint>> byUnit) {
    this.byUnit = byUnit;
  }

  public static CurveConstraints defaults() {
    return DEFAULTS;
  }

  /** The constraints for one unit predikat, in table order. */
  public List<CurveConstraint> forUnit(UnitPredikat unit) {
    return byUnit.getOrDefault(unit, List.of());
  }

  private static CurveConstraints buildDefaults() {
    var table = new EnumMap<UnitPredikat, List<CurveConstraint>>(UnitPredikat.class);
    table.put(
        UnitPredikat.ISTIMEWA,
        List.of(
            row("ISTIMEWA_SB_TERBESAR", Comparison.LARGEST, null, Predikat.SANGAT_BAIK),
            row("ISTIMEWA_SB_MAKS", Comparison.AT_MOST, 70, Predikat.SANGAT_BAIK)));
    table.put(
        UnitPredikat.BAIK,
        List.of(
            row("BAIK_B_TERBESAR", Comparison.LARGEST, null, Predikat.BAIK),
            row("BAIK_B_MAKS", Comparison.AT_MOST, 70, Predikat.BAIK),
            row(
                "BAIK_BP_KM_ADA",
                Comparison.ANY,
                null,
                Predikat.BUTUH_PERBAIKAN,
                Predikat.KURANG_MISCONDUCT)));
    table.put(
        UnitPredikat.BUTUH_PERBAIKAN,
        List.of(
            row("BUTUH_PERBAIKAN_BP_MIN", Comparison.AT_LEAST, 60, Predikat.BUTUH_PERBAIKAN),
            row("BUTUH_PERBAIKAN_SB_MAKS", Comparison.AT_MOST, 10, Predikat.SANGAT_BAIK)));
    table.put(
        UnitPredikat.KURANG,
        List.of(
            row("KURANG_KM_MIN", Comparison.AT_LEAST, 60, Predikat.KURANG_MISCONDUCT),
            row("KURANG_BP_MIN", Comparison.AT_LEAST, 10, Predikat.BUTUH_PERBAIKAN),
            row("KURANG_SB_MAKS", Comparison.AT_MOST, 10, Predikat.SANGAT_BAIK)));
    table.put(
        UnitPredikat.SANGAT_KURANG,
        List.of(
            row("SANGAT_KURANG_SK_MIN", Comparison.AT_LEAST, 60, Predikat.SANGAT_KURANG),
            row(
                "SANGAT_KURANG_KM_BP_MIN",
                Comparison.AT_LEAST,
                10,
                Predikat.KURANG_MISCONDUCT,
                Predikat.BUTUH_PERBAIKAN),
            row("SANGAT_KURANG_SB_NIHIL", Comparison.NONE, null, Predikat.SANGAT_BAIK)));
    return new CurveConstraints(table);
  }

  private static CurveConstraint row(
      String code, Comparison comparison, Integer percent, Predikat first, Predikat... more) {
    return new CurveConstraint(
        code,
        EnumSet.of(first, more),
        comparison,
        percent == null ? null : BigDecimal.valueOf(percent));
  }

  /**
   * Reads the result of the decision {@value #DECISION_ID} for one unit predikat: a list of rows
   * with {@value #CODE} (text), {@value #GROUP} (predikat names separated by commas), {@value
   * #COMPARISON} (AT_MOST, AT_LEAST, LARGEST, NONE or ANY) and {@value #PERCENT} (number, only for
   * AT_MOST and AT_LEAST).
   *
   * @throws IllegalArgumentException naming the row and the value when a row cannot be read
   */
  public static List<CurveConstraint> fromDecisionRows(List<?> rows) {
    var constraints = new ArrayList<CurveConstraint>();
    for (int i = 0; i < rows.size(); i++) {
      if (!(rows.get(i) instanceof Map<?, ?> row)) {
        throw new IllegalArgumentException(
            "Row " + (i + 1) + " of " + DECISION_ID + " is not a row of named values");
      }
      String where = "row " + (i + 1) + " of " + DECISION_ID;
      String code = text(row, CODE, where);
      constraints.add(
          new CurveConstraint(
              code,
              group(text(row, GROUP, where), where),
              enumValue(Comparison.class, text(row, COMPARISON, where), COMPARISON, where),
              number(row.get(PERCENT), where)));
    }
    return constraints;
  }

  private static String text(Map<?, ?> row, String key, String where) {
    Object value = row.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("'" + key + "' is missing in " + where);
    }
    return value.toString().trim();
  }

  private static Set<Predikat> group(String value, String where) {
    var group = EnumSet.noneOf(Predikat.class);
    for (String name : value.split("[,+]")) {
      group.add(enumValue(Predikat.class, name.trim(), GROUP, where));
    }
    return group;
  }

  private static BigDecimal number(Object value, String where) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + PERCENT + "' in " + where + " is not a number: " + value, e);
    }
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String key, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + key
              + "' in "
              + where
              + " is '"
              + value
              + "'; allowed: "
              + Arrays.toString(type.getEnumConstants()),
          e);
    }
  }
}
