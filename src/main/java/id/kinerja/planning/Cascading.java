package id.kinerja.planning;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords.Skp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Cascading: the RHKs of a rater's approved SKP are what their people's RHKs support ("RHK pimpinan
 * yang diintervensi"), and the rater sees which of them each person supports and which nobody does.
 */
@Component
public class Cascading {

  private final SkpRecords skps;
  private final Organisation organisation;

  Cascading(SkpRecords skps, Organisation organisation) {
    this.skps = skps;
    this.organisation = organisation;
  }

  /** One RHK of the rater's approved SKP and the people whose SKP of the year supports it. */
  public record Support(String rhk, List<Employee> supporters) {}

  /** The RHKs of the person's approved SKP of the year (the latest post's), in its order. */
  public List<String> approvedRhk(Employee rater, int year) {
    return skps.ofEmployee(rater.nip()).stream()
        .filter(s -> s.periodYear() == year && "APPROVED".equals(s.status()))
        .findFirst()
        .map(Cascading::rhkOf)
        .orElse(List.of());
  }

  /**
   * Each RHK of the rater's approved SKP with the people they rate whose SKP of the year (the
   * latest, drafted or approved) supports it.
   */
  public List<Support> support(Employee rater, int year) {
    var supporters = new LinkedHashMap<String, List<Employee>>();
    approvedRhk(rater, year).forEach(r -> supporters.put(r, new ArrayList<>()));
    for (Employee person : organisation.subordinates(rater)) {
      Optional<Skp> skp =
          skps.ofEmployee(person.nip()).stream()
              .filter(s -> s.periodYear() == year && !"CLOSED".equals(s.status()))
              .findFirst();
      skp.map(Cascading::supportedOf)
          .orElse(Set.of())
          .forEach(
              r -> {
                if (supporters.containsKey(r)) {
                  supporters.get(r).add(person);
                }
              });
    }
    return supporters.entrySet().stream()
        .map(e -> new Support(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  /**
   * The results as the SKP keeps them: {@code rhkAtasan} is the superior's RHK chosen from their
   * approved SKP ({@code chosenRhkAtasan} in the form), or typed while they had none, then marked
   * {@code rhkAtasanFreeText}.
   */
  public static List<Object> asRecorded(List<Object> results) {
    var recorded = new ArrayList<Object>();
    for (Object result : results) {
      if (!(result instanceof Map<?, ?> row)) {
        recorded.add(result);
        continue;
      }
      var kept = new LinkedHashMap<Object, Object>(row);
      Object chosen = kept.remove("chosenRhkAtasan");
      if (chosen instanceof String rhk && !rhk.isBlank()) {
        kept.put("rhkAtasan", rhk);
      } else if (kept.get("rhkAtasan") instanceof String typed && !typed.isBlank()) {
        kept.put("rhkAtasanFreeText", true);
      }
      recorded.add(kept);
    }
    return recorded;
  }

  static List<String> rhkOf(Skp skp) {
    var rhk = new ArrayList<String>();
    for (JsonNode result :
        skp.content() == null ? List.<JsonNode>of() : skp.content().path("hasilKerja")) {
      String text = result.path("rhk").asText("").strip();
      if (!text.isEmpty() && !rhk.contains(text)) {
        rhk.add(text);
      }
    }
    return rhk;
  }

  /** The superiors' RHKs an SKP's results support. */
  static Set<String> supportedOf(Skp skp) {
    var supported = new LinkedHashSet<String>();
    if (skp.content() == null) {
      return supported;
    }
    for (JsonNode result : skp.content().path("hasilKerja")) {
      String text = result.path("rhkAtasan").asText("").strip();
      if (!text.isEmpty()) {
        supported.add(text);
      }
    }
    return supported;
  }
}
