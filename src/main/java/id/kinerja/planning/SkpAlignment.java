package id.kinerja.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords.Skp;
import id.kinerja.platform.Refusal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cascading after the rater's SKP changes. When a rater's SKP of the year is approved (the first
 * time, or a new post's after a mutasi), the approved SKPs of the people they rate whose "RHK
 * pimpinan yang diintervensi" is none of its RHKs are flagged, so that nobody's SKP goes on
 * supporting an RHK that no longer exists. The employee aligns it again (choosing among the rater's
 * RHKs; only that link of the approved SKP changes), which ends the flag.
 */
@Component
public class SkpAlignment {

  private final JdbcClient jdbc;
  private final SkpRecords skps;
  private final Cascading cascading;
  private final Organisation organisation;
  private final AuditTrail audit;
  private final EngineClock clock;
  private final ObjectMapper json;

  SkpAlignment(
      JdbcClient jdbc,
      SkpRecords skps,
      Cascading cascading,
      Organisation organisation,
      AuditTrail audit,
      EngineClock clock,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.skps = skps;
    this.cascading = cascading;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
    this.json = json;
  }

  /** An approved SKP waiting to be aligned with the rater's SKP approved at {@code flaggedAt}. */
  public record Flag(long skpId, List<String> unsupported, Instant flaggedAt) {}

  /** The people newly flagged by the approval of their rater's SKP. */
  public record Flagged(String raterName, List<Employee> people) {}

  /**
   * Flags the dependents of an SKP just approved, in the approval's transaction (a repeated
   * approval step flags nobody twice).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Flagged flagDependents(Skp approved) {
    Optional<Employee> owner = organisation.byNip(approved.employeeNip());
    if (owner.isEmpty()) {
      return new Flagged("", List.of());
    }
    List<String> offered = Cascading.rhkOf(approved);
    var flagged = new ArrayList<Employee>();
    for (Employee person : organisation.subordinates(owner.get())) {
      for (Skp skp : skps.ofEmployee(person.nip())) {
        if (skp.periodYear() != approved.periodYear() || !"APPROVED".equals(skp.status())) {
          continue;
        }
        List<String> unsupported = unsupported(skp, offered);
        if (unsupported.isEmpty()) {
          // the rater's new SKP has the RHKs this one supports again
          resolve(skp.id(), approved.approvedBy());
        } else if (flag(skp, approved, unsupported)) {
          flagged.add(person);
        }
      }
    }
    return new Flagged(owner.get().name(), flagged);
  }

  /** The open flag of an SKP, if any. */
  public Optional<Flag> openFlag(long skpId) {
    return jdbc.sql(
            """
            select skp_id, unsupported::text, flagged_at from skp_alignment_flag
            where skp_id = :skp and resolved_at is null order by flagged_at desc limit 1""")
        .param("skp", skpId)
        .query(
            (rs, n) ->
                new Flag(
                    rs.getLong(1),
                    texts(rs.getString(2)),
                    rs.getObject(3, OffsetDateTime.class).toInstant()))
        .optional();
  }

  /**
   * The employee's choice of the rater's RHK for each result of their approved SKP, in its order;
   * ends any flag on it.
   */
  @Transactional
  public void align(Employee employee, long skpId, List<String> choices, String actor) {
    Skp skp =
        skps.byId(skpId)
            .filter(s -> s.employeeNip().equals(employee.nip()))
            .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "planning.alignment.unknownSkp"));
    if (!"APPROVED".equals(skp.status())) {
      throw new Refusal(HttpStatus.CONFLICT, "planning.alignment.notApproved");
    }
    List<String> offered =
        organisation
            .rater(employee)
            .map(r -> cascading.approvedRhk(r, skp.periodYear()))
            .orElse(List.of());
    if (offered.isEmpty()) {
      throw new Refusal(HttpStatus.CONFLICT, "planning.alignment.noRaterSkp", skp.periodYear());
    }
    JsonNode results = skp.content().path("hasilKerja");
    if (choices.size() != results.size()) {
      throw new Refusal(
          HttpStatus.BAD_REQUEST, "planning.alignment.count", results.size(), choices.size());
    }
    ArrayNode aligned = json.createArrayNode();
    for (int i = 0; i < choices.size(); i++) {
      if (!offered.contains(choices.get(i))) {
        throw new Refusal(HttpStatus.BAD_REQUEST, "planning.alignment.notOffered", i + 1);
      }
      ObjectNode result = results.get(i).deepCopy();
      result.put("rhkAtasan", choices.get(i));
      result.remove("rhkAtasanFreeText");
      aligned.add(result);
    }
    skps.replaceResults(skpId, aligned);
    resolve(skpId, actor);
    audit.record(
        actor,
        "SKP_ALIGNED",
        "skp",
        skpId,
        List.copyOf(Cascading.supportedOf(skp)),
        List.copyOf(new LinkedHashSet<>(choices)));
  }

  /** The superiors' RHKs an SKP supports that are none of {@code offered}, each once. */
  static List<String> unsupported(Skp skp, List<String> offered) {
    return Cascading.supportedOf(skp).stream().filter(r -> !offered.contains(r)).toList();
  }

  private boolean flag(Skp skp, Skp superior, List<String> unsupported) {
    return jdbc.sql(
                """
                insert into skp_alignment_flag (skp_id, superior_skp_id, unsupported, flagged_at)
                values (:skp, :superior, cast(:unsupported as jsonb), :now)
                on conflict (skp_id, superior_skp_id) do nothing""")
            .param("skp", skp.id())
            .param("superior", superior.id())
            .param("unsupported", json.valueToTree(unsupported).toString())
            .param("now", Timestamp.from(clock.now()))
            .update()
        == 1;
  }

  private void resolve(long skpId, String actor) {
    jdbc.sql(
            """
            update skp_alignment_flag set resolved_at = :now, resolved_by = :actor
            where skp_id = :skp and resolved_at is null""")
        .param("now", Timestamp.from(clock.now()))
        .param("actor", actor)
        .param("skp", skpId)
        .update();
  }

  private List<String> texts(String array) {
    var list = new ArrayList<String>();
    try {
      json.readTree(array).forEach(n -> list.add(n.asText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return list;
  }
}
