package id.kinerja.review;

import id.kinerja.engine.Engine;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The predikat kinerja pegawai for two ratings, from the decision table the process owner keeps
 * (processes/predikat-kinerja.dmn), for changes made outside the review process: calibration fixes
 * and appeal decisions.
 */
@Component
public class PredikatMatrix {

  static final String DECISION_ID = "predikat-kinerja";

  private final Engine engine;

  PredikatMatrix(Engine engine) {
    this.engine = engine;
  }

  public String predikat(String ratingHasilKerja, String ratingPerilaku) {
    Object result =
        engine.evaluateDecision(
            DECISION_ID,
            Map.of("ratingHasilKerja", ratingHasilKerja, "ratingPerilaku", ratingPerilaku));
    return result instanceof Map<?, ?> row
        ? String.valueOf(row.get("predikat"))
        : String.valueOf(result);
  }
}
