package id.kinerja.export;

import id.kinerja.deployment.DeploymentRecords;
import id.kinerja.engine.Engine;
import id.kinerja.engine.Engine.DefinitionKind;
import id.kinerja.review.Predikat;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tunjangan kinerja percentage per predikat of an agency [C]: the decision {@code
 * tunjangan-kinerja-<agency code>} in processes/ (input {@code predikat}, output {@code persen}).
 * There is no national default: an agency without its table gets no percentages, and the export
 * says so. processes/tunjangan-kinerja-DISKOMINFO.dmn is an example for the demo agency.
 */
@Component
public class TunjanganTable {

  public static final String PREFIX = "tunjangan-kinerja-";

  private final Engine engine;
  private final DeploymentRecords deployments;

  TunjanganTable(Engine engine, DeploymentRecords deployments) {
    this.engine = engine;
    this.deployments = deployments;
  }

  /**
   * An agency's percentages, read once per use.
   *
   * @param present whether the agency has a table deployed
   */
  public record Table(
      String agencyCode, String decisionId, boolean present, Map<Predikat, BigDecimal> percent) {

    /** The percentage for a final predikat; null without a table or predikat. */
    public BigDecimal of(String predikat) {
      return predikat == null ? null : percent.get(Predikat.valueOf(predikat));
    }
  }

  public Table of(String agencyCode) {
    String id = PREFIX + agencyCode;
    var percent = new EnumMap<Predikat, BigDecimal>(Predikat.class);
    if (!deployments.deployedIds(DefinitionKind.DMN).contains(id)) {
      return new Table(agencyCode, id, false, percent);
    }
    for (Predikat predikat : Predikat.values()) {
      Object out = engine.evaluateDecision(id, Map.of("predikat", predikat.name()));
      Object value = out instanceof Map<?, ?> row ? row.get("persen") : out;
      if (value instanceof Number number) {
        percent.put(predikat, new BigDecimal(number.toString()));
      }
    }
    return new Table(agencyCode, id, true, percent);
  }
}
