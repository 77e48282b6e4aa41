package id.kinerja.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SKP drafts as the draft form submits them, for tests that plan SKPs through the API. */
public final class SkpDrafts {

  private SkpDrafts() {}

  /**
   * A KUANTITATIF SKP whose main results (rhk, and rhkAtasan or chosenRhkAtasan) each have one
   * indicator.
   */
  @SafeVarargs
  public static Map<String, Object> of(Map<String, Object>... results) {
    return Map.of(
        "approach",
        "KUANTITATIF",
        "hasilKerja",
        List.of(results).stream()
            .map(
                r -> {
                  var row = new HashMap<String, Object>(r);
                  row.put("jenis", "UTAMA");
                  row.put(
                      "indikator",
                      List.of(
                          Map.of(
                              "iki",
                              "Capaian " + r.get("rhk"),
                              "aspek",
                              "KUANTITAS",
                              "target",
                              100,
                              "satuan",
                              "persen")));
                  return (Object) row;
                })
            .toList());
  }
}
