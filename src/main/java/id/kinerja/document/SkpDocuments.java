package id.kinerja.document;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.access.RecordAccess;
import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.document.DocumentSubject.Kind;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.OrgUnit;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords;
import id.kinerja.planning.SkpRecords.Round;
import id.kinerja.planning.SkpRecords.Skp;
import id.kinerja.review.Indicator.Tipe;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The SKP as a document (rules.md, "SKP content"): header with the employee, the rater and the
 * rater's superior; hasil kerja Utama and Tambahan with the superior's RHK, RHK and indicators;
 * perilaku kerja with the seven BerAKHLAK values and the rater's expectations; lampiran; every
 * drafting and review round with its approver.
 */
@Component
class SkpDocuments {

  private final AgencyTime time;

  private final SkpRecords skps;
  private final Organisation organisation;
  private final RecordAccess access;
  private final DocumentText text;
  private final BerAkhlak berAkhlak;

  SkpDocuments(
      SkpRecords skps,
      Organisation organisation,
      RecordAccess access,
      DocumentText text,
      AgencyTime time,
      BerAkhlak berAkhlak) {
    this.berAkhlak = berAkhlak;
    this.time = time;
    this.skps = skps;
    this.organisation = organisation;
    this.access = access;
    this.text = text;
  }

  Optional<DocumentSubject> subject(long skpId) {
    return skps.byId(skpId).flatMap(this::subject);
  }

  private Optional<DocumentSubject> subject(Skp skp) {
    Optional<Employee> found = organisation.byNip(skp.employeeNip());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Employee employee = found.get();
    List<Round> rounds = skps.rounds(skp.id());
    // the rater is who approved it; before approval, the rater the tree names now
    Employee rater =
        Optional.ofNullable(skp.approvedBy())
            .flatMap(organisation::byUsername)
            .or(() -> organisation.rater(employee))
            .orElse(null);
    Employee superior = rater == null ? null : organisation.rater(rater).orElse(null);
    Set<String> recorded = new HashSet<>();
    rounds.stream().map(Round::actor).filter(a -> a != null).forEach(recorded::add);
    if (superior != null && superior.username() != null) {
      recorded.add(superior.username());
    }
    String agency = access.agencyOf(employee.unitCode()).orElse(employee.unitCode());
    String agencyName = organisation.unit(agency).map(OrgUnit::name).orElse(agency);

    var substance = new LinkedHashMap<String, Object>();
    substance.put("employeeNip", skp.employeeNip());
    substance.put("year", skp.periodYear());
    substance.put("status", skp.status());
    substance.put("approach", skp.approach());
    substance.put("content", skp.content());
    substance.put("approvedBy", skp.approvedBy());
    substance.put(
        "rounds",
        rounds.stream()
            .map(r -> List.of(r.kind(), String.valueOf(r.actor()), String.valueOf(r.decision())))
            .toList());

    var statement = new LinkedHashMap<String, Object>();
    statement.put("agency", agencyName);
    statement.put("employeeName", employee.name());
    statement.put("employeeNip", employee.nip());
    statement.put("unit", employee.unitName());
    statement.put("year", skp.periodYear());
    statement.put("status", skp.status());
    statement.put("approvedAt", skp.approvedAt() == null ? null : skp.approvedAt().toString());
    statement.put("approver", rater == null || skp.approvedBy() == null ? null : rater.name());

    return Optional.of(
        new DocumentSubject(
            Kind.SKP,
            skp.id(),
            employee,
            recorded,
            agency,
            skp.periodYear(),
            substance,
            statement,
            locale -> model(skp, rounds, employee, rater, superior, agencyName, locale)));
  }

  private Map<String, Object> model(
      Skp skp,
      List<Round> rounds,
      Employee employee,
      Employee rater,
      Employee superior,
      String agencyName,
      Locale locale) {
    JsonNode content = skp.content();
    ZoneId zone = time.zoneOf(employee);
    var model = new LinkedHashMap<String, Object>();
    model.put("agency", agencyName);
    model.put("year", skp.periodYear());
    model.put("periodRange", text.periodRange(skp.periodYear(), "ANNUAL", locale));
    model.put("employee", DocumentText.person(employee));
    model.put("rater", DocumentText.person(rater));
    model.put("raterSuperior", DocumentText.person(superior));
    model.put("approach", text.label("document.approach.", skp.approach(), locale));
    model.put("status", text.label("document.skpStatus.", skp.status(), locale));
    model.put("utama", results(content, "UTAMA", locale));
    model.put("tambahan", results(content, "TAMBAHAN", locale));
    model.put("perilaku", behaviour(content, locale));
    model.put("dukunganSumberDaya", textOf(content, "dukunganSumberDaya"));
    model.put("skemaPertanggungjawaban", textOf(content, "skemaPertanggungjawaban"));
    model.put("konsekuensi", textOf(content, "konsekuensi"));
    model.put("rounds", rounds(rounds, zone, locale));
    model.put("approved", skp.approvedAt() != null);
    model.put("approvedAt", DocumentText.date(skp.approvedAt(), zone, locale));
    return model;
  }

  private List<Map<String, Object>> results(JsonNode content, String jenis, Locale locale) {
    var rows = new ArrayList<Map<String, Object>>();
    if (content == null) {
      return rows;
    }
    for (JsonNode result : content.path("hasilKerja")) {
      if (!jenis.equals(result.path("jenis").asText())) {
        continue;
      }
      var indicators = new ArrayList<Map<String, Object>>();
      for (JsonNode iki : result.path("indikator")) {
        var indicator = new LinkedHashMap<String, Object>();
        indicator.put("aspek", text.label("document.aspect.", textOrNull(iki, "aspek"), locale));
        if (Tipe.of(textOrNull(iki, "tipe")) == Tipe.KUALITATIF) {
          // a described expected result in place of a number, judged by the rater
          indicator.put(
              "iki",
              iki.path("iki").asText() + " (" + text.label("document.qualitative", locale) + ")");
          indicator.put("target", iki.path("hasilDiharapkan").asText(""));
          indicator.put("satuan", "");
        } else {
          indicator.put("iki", iki.path("iki").asText());
          indicator.put(
              "target",
              DocumentText.number(
                  iki.path("target").isNumber() ? iki.path("target").decimalValue() : null,
                  locale));
          indicator.put("satuan", iki.path("satuan").asText(""));
        }
        indicators.add(indicator);
      }
      var row = new LinkedHashMap<String, Object>();
      row.put("rhkAtasan", result.path("rhkAtasan").asText(""));
      row.put("rhk", result.path("rhk").asText(""));
      row.put("indikator", indicators);
      rows.add(row);
    }
    return rows;
  }

  /**
   * The seven BerAKHLAK values with their behaviour guides and the rater's expectation; the review
   * records each expectation with its value's code (older SKPs: in the values' order, or by name).
   */
  private List<Map<String, Object>> behaviour(JsonNode content, Locale locale) {
    JsonNode expectations = content == null ? null : content.path("ekspektasiPerilaku");
    var rows = new ArrayList<Map<String, Object>>();
    List<BerAkhlak.Value> values = berAkhlak.all(locale);
    for (int i = 0; i < values.size(); i++) {
      BerAkhlak.Value value = values.get(i);
      String expectation = "";
      if (expectations != null && expectations.isArray()) {
        for (int j = 0; j < expectations.size(); j++) {
          JsonNode e = expectations.get(j);
          String named = e.path("nilai").asText("");
          boolean matches =
              named.isBlank()
                  ? j == i
                  : named.equalsIgnoreCase(value.value())
                      || named.equalsIgnoreCase(value.name())
                      || named.equalsIgnoreCase(berAkhlak.name(value.value(), Locale.ROOT));
          if (matches) {
            expectation = e.path("ekspektasi").asText("");
            break;
          }
        }
      }
      var row = new LinkedHashMap<String, Object>();
      row.put("name", value.name());
      row.put("guides", value.guides());
      row.put("ekspektasi", expectation);
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> rounds(List<Round> rounds, ZoneId zone, Locale locale) {
    var rows = new ArrayList<Map<String, Object>>();
    int n = 0;
    for (Round round : rounds) {
      var row = new LinkedHashMap<String, Object>();
      row.put("no", ++n);
      row.put("kind", text.label("document.round.", round.kind(), locale));
      row.put(
          "actor",
          round.actor() == null
              ? "-"
              : organisation.byUsername(round.actor()).map(Employee::name).orElse(round.actor()));
      row.put(
          "decision",
          round.decision() == null
              ? ""
              : text.label("document.decision.", round.decision(), locale));
      row.put("notes", round.notes() == null ? "" : round.notes());
      row.put("at", DocumentText.dateTime(round.at(), zone, locale));
      rows.add(row);
    }
    return rows;
  }

  private static String textOf(JsonNode content, String field) {
    return content == null ? "" : content.path(field).asText("");
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }
}
