package id.kinerja.document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.access.RecordAccess;
import id.kinerja.document.DocumentSubject.Kind;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.OrgUnit;
import id.kinerja.organisation.Organisation;
import id.kinerja.review.CapaianCalculator;
import id.kinerja.review.Evaluations;
import id.kinerja.review.Evaluations.Evaluation;
import id.kinerja.review.Evaluations.UnitReview;
import id.kinerja.review.Indicator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Dokumen Evaluasi Kinerja Pegawai of one evaluation (Triwulan I-IV or Akhir): the employee,
 * rater and rater's superior, the unit and its predikat, capaian per indicator at the period's end,
 * both ratings and the predikat, notes and recommendations, and the appeal with the rater's
 * explanation and the superior's decision.
 */
@Component
class EvaluationDocuments {

  private final AgencyTime time;

  private final Evaluations evaluations;
  private final Organisation organisation;
  private final RecordAccess access;
  private final DocumentText text;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CapaianCalculator calculator = new CapaianCalculator();

  EvaluationDocuments(
      Evaluations evaluations,
      Organisation organisation,
      RecordAccess access,
      DocumentText text,
      JdbcClient jdbc,
      ObjectMapper json,
      AgencyTime time) {
    this.time = time;
    this.evaluations = evaluations;
    this.organisation = organisation;
    this.access = access;
    this.text = text;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The appeal against an evaluation, with the rater's explanation and the final decision. */
  record Appeal(
      String status,
      String reasons,
      String explanation,
      String decisionNotes,
      Instant filedAt,
      Instant decidedAt,
      String decidedBy) {}

  Optional<DocumentSubject> subject(long evaluationId) {
    return evaluations.byId(evaluationId).flatMap(this::subject);
  }

  /** When the appeal against the evaluation was decided, if it was. */
  Optional<Instant> appealDecidedAt(long evaluationId) {
    return appeal(evaluationId).map(Appeal::decidedAt);
  }

  private Optional<DocumentSubject> subject(Evaluation ev) {
    Optional<Employee> found = organisation.byNip(ev.employeeNip());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Employee employee = found.get();
    UnitReview review = evaluations.review(ev.unitReviewId()).orElseThrow();
    Employee rater = ev.raterNip() == null ? null : organisation.byNip(ev.raterNip()).orElse(null);
    Employee superior =
        Optional.ofNullable(ev.deciderUsername())
            .flatMap(organisation::byUsername)
            .or(() -> rater == null ? Optional.empty() : organisation.rater(rater))
            .orElse(null);
    Optional<Appeal> appeal = appeal(ev.id());
    Set<String> recorded = new HashSet<>();
    if (ev.raterUsername() != null) {
      recorded.add(ev.raterUsername());
    }
    if (ev.deciderUsername() != null) {
      recorded.add(ev.deciderUsername());
    }
    String agency = access.agencyOf(review.unitCode()).orElse(review.unitCode());
    String agencyName = organisation.unit(agency).map(OrgUnit::name).orElse(agency);
    String unitName =
        organisation.unit(review.unitCode()).map(OrgUnit::name).orElse(review.unitCode());
    List<Map<String, Object>> items =
        checkInItems(ev.employeeNip(), ev.periodYear(), DocumentText.lastMonth(ev.period()));

    var substance = new LinkedHashMap<String, Object>();
    substance.put("employeeNip", ev.employeeNip());
    substance.put("year", ev.periodYear());
    substance.put("period", ev.period());
    substance.put("unitPredikat", review.unitPredikat());
    substance.put("ratingHasilKerja", ev.ratingHasilKerja());
    substance.put("ratingPerilaku", ev.ratingPerilaku());
    substance.put("predikat", ev.predikat());
    substance.put("notes", ev.notes());
    substance.put("status", ev.status());
    substance.put(
        "appeal",
        appeal
            .map(a -> List.of(a.status(), String.valueOf(a.explanation()), "" + a.decisionNotes()))
            .orElse(List.of()));

    var statement = new LinkedHashMap<String, Object>();
    statement.put("agency", agencyName);
    statement.put("employeeName", employee.name());
    statement.put("employeeNip", employee.nip());
    statement.put("unit", unitName);
    statement.put("year", ev.periodYear());
    statement.put("period", ev.period());
    statement.put("unitPredikat", review.unitPredikat());
    statement.put("ratingHasilKerja", ev.ratingHasilKerja());
    statement.put("ratingPerilaku", ev.ratingPerilaku());
    statement.put("predikat", ev.predikat());
    statement.put("appealStatus", appeal.map(Appeal::status).orElse(null));

    return Optional.of(
        new DocumentSubject(
            Kind.EVALUATION,
            ev.id(),
            employee,
            recorded,
            agency,
            ev.periodYear(),
            substance,
            statement,
            locale ->
                model(
                    ev,
                    review,
                    employee,
                    rater,
                    superior,
                    appeal.orElse(null),
                    items,
                    agencyName,
                    unitName,
                    locale)));
  }

  private Map<String, Object> model(
      Evaluation ev,
      UnitReview review,
      Employee employee,
      Employee rater,
      Employee superior,
      Appeal appeal,
      List<Map<String, Object>> items,
      String agencyName,
      String unitName,
      Locale locale) {
    var model = new LinkedHashMap<String, Object>();
    model.put("agency", agencyName);
    model.put("year", ev.periodYear());
    model.put("period", text.label("document.period.", ev.period(), locale));
    model.put("periodRange", text.periodRange(ev.periodYear(), ev.period(), locale));
    model.put("employee", DocumentText.person(employee));
    ZoneId zone = time.zoneOf(employee);
    model.put("rater", DocumentText.person(rater));
    model.put("raterSuperior", DocumentText.person(superior));
    model.put("unit", unitName);
    model.put("unitPredikat", text.label("label.unitPredikat.", review.unitPredikat(), locale));
    model.put("capaian", capaian(items, DocumentText.lastMonth(ev.period()), locale));
    model.put("ratingHasilKerja", text.label("document.rating.", ev.ratingHasilKerja(), locale));
    model.put("ratingPerilaku", text.label("document.rating.", ev.ratingPerilaku(), locale));
    model.put("predikat", text.label("label.predikat.", ev.predikat(), locale));
    model.put("notes", ev.notes() == null ? "" : ev.notes());
    model.put("status", text.label("document.evaluationStatus.", ev.status(), locale));
    model.put("deliveredAt", DocumentText.date(ev.deliveredAt(), zone, locale));
    model.put("appealDeadline", DocumentText.date(ev.appealDeadline(), locale));
    if (appeal != null) {
      var a = new LinkedHashMap<String, Object>();
      a.put("status", text.label("document.appealStatus.", appeal.status(), locale));
      a.put("decided", !"OPEN".equals(appeal.status()));
      a.put("reasons", appeal.reasons());
      a.put("explanation", appeal.explanation() == null ? "-" : appeal.explanation());
      a.put("decisionNotes", appeal.decisionNotes() == null ? "-" : appeal.decisionNotes());
      a.put("filedAt", DocumentText.date(appeal.filedAt(), zone, locale));
      a.put("decidedAt", DocumentText.date(appeal.decidedAt(), zone, locale));
      a.put(
          "decidedBy",
          appeal.decidedBy() == null
              ? "-"
              : organisation
                  .byUsername(appeal.decidedBy())
                  .map(Employee::name)
                  .orElse(appeal.decidedBy()));
      model.put("appeal", a);
    }
    return model;
  }

  /**
   * Capaian per indicator at the period's end: cumulative realisasi against the pro-rata target
   * (annual target x months / 12; a lower-is-better target is a ceiling all year); qualitative
   * indicators with their narrative, marked as not part of the numeric capaian.
   */
  private List<Map<String, Object>> capaian(
      List<Map<String, Object>> items, int months, Locale locale) {
    var rows = new ArrayList<Map<String, Object>>();
    for (Map<String, Object> item : items) {
      if (Indicator.Tipe.of(item.get("tipe")) == Indicator.Tipe.KUALITATIF) {
        rows.add(qualitative(item, locale));
        continue;
      }
      if (!(item.get("target") instanceof Number target)) {
        continue;
      }
      boolean lowerIsBetter = Boolean.TRUE.equals(item.get("lowerIsBetter"));
      BigDecimal annual = new BigDecimal(target.toString());
      BigDecimal planned = CapaianCalculator.proRataTarget(annual, months, lowerIsBetter);
      BigDecimal realisasi =
          item.get("realisasi") instanceof Number r ? new BigDecimal(r.toString()) : null;
      Indicator.Jenis jenis =
          "TAMBAHAN".equals(item.get("jenis")) ? Indicator.Jenis.TAMBAHAN : Indicator.Jenis.UTAMA;
      CapaianCalculator.Capaian c =
          calculator.capaian(new Indicator(jenis, planned, realisasi, lowerIsBetter));
      var row = new LinkedHashMap<String, Object>();
      row.put("jenis", text.label("document.jenis.", jenis.name(), locale));
      row.put("iki", String.valueOf(item.getOrDefault("iki", "")));
      row.put("satuan", String.valueOf(item.getOrDefault("satuan", "")));
      row.put("target", DocumentText.number(annual, locale));
      row.put("targetPeriode", DocumentText.number(planned, locale));
      row.put("realisasi", DocumentText.number(realisasi, locale));
      row.put(
          "capaian",
          c.persen() == null
              ? text.label("document.capaian.", c.status().name(), locale)
              : DocumentText.number(c.persen(), locale) + "%");
      rows.add(row);
    }
    return rows;
  }

  /**
   * A qualitative indicator: its expected result and the narrative reported, not part of the
   * numeric capaian.
   */
  private Map<String, Object> qualitative(Map<String, Object> item, Locale locale) {
    Indicator.Jenis jenis =
        "TAMBAHAN".equals(item.get("jenis")) ? Indicator.Jenis.TAMBAHAN : Indicator.Jenis.UTAMA;
    var row = new LinkedHashMap<String, Object>();
    row.put("jenis", text.label("document.jenis.", jenis.name(), locale));
    row.put(
        "iki",
        item.getOrDefault("iki", "") + " (" + text.label("document.qualitative", locale) + ")");
    row.put("satuan", "");
    row.put("target", String.valueOf(item.getOrDefault("hasilDiharapkan", "-")));
    row.put("targetPeriode", "-");
    row.put("realisasi", String.valueOf(item.getOrDefault("narasi", "-")));
    row.put(
        "capaian",
        text.label("document.capaian.", CapaianCalculator.Status.TIDAK_DIHITUNG.name(), locale));
    return row;
  }

  /** The indicators of the employee's latest check-in of the year up to the month. */
  private List<Map<String, Object>> checkInItems(String nip, int year, int month) {
    return jdbc.sql(
            """
            select items::text from monitoring_checkin
             where employee_nip = :nip and period_year = :year and month <= :month
             order by month desc, id desc limit 1""")
        .param("nip", nip)
        .param("year", year)
        .param("month", month)
        .query(String.class)
        .optional()
        .map(this::items)
        .orElse(List.of());
  }

  private List<Map<String, Object>> items(String text) {
    try {
      return json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Appeal> appeal(long evaluationId) {
    return jdbc.sql(
            """
            select status, reasons, explanation, decision_notes, filed_at, decided_at, decided_by
              from appeal where evaluation_id = :id order by id desc limit 1""")
        .param("id", evaluationId)
        .query(
            (rs, n) -> {
              OffsetDateTime decided = rs.getObject(6, OffsetDateTime.class);
              return new Appeal(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant(),
                  decided == null ? null : decided.toInstant(),
                  rs.getString(7));
            })
        .optional();
  }
}
