package id.kinerja.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each person enters on each form, as the year's plan says: 20% of SKPs returned once, 10% of
 * people behind plan by more than the gap threshold in one month (coaching follows), 5% rated below
 * expectation in the annual review (they appeal), everyone else on plan and as expected. Only the
 * fields the form declares (the server refuses others).
 */
final class Answers {

  private final Set<String> returned = ConcurrentHashMap.newKeySet();
  volatile int month; // the month whose check-in is due

  static boolean returnsOnce(String nip) {
    return share(nip, 7) < 20;
  }

  static boolean fallsBehind(String nip) {
    return share(nip, 13) < 10;
  }

  static boolean appeals(String nip) {
    return share(nip, 29) < 5;
  }

  /** The month (1-11) in which a person who falls behind reports the gap. */
  static int gapMonth(String nip) {
    return 1 + share(nip, 41) % 11;
  }

  private static int share(String nip, int salt) {
    return Math.floorMod((nip + salt).hashCode() * 0x9E3779B1, 100);
  }

  /** The values for a task's detail, or null for a step the benchmark does not know. */
  Map<String, Object> valuesFor(JsonNode detail, String now) {
    JsonNode task = detail.path("task");
    JsonNode variables = detail.path("variables");
    String nip = task.path("employeeNip").asText(variables.path("employeeNip").asText());
    String process = task.path("processId").asText();
    return switch (detail.path("elementId").asText()) {
      case "draft-skp", "revise-skp", "draft-skp-by-officer" ->
          skp(variables.path("rhkAtasanOptions"));
      case "review-skp" ->
          returnsOnce(nip) && returned.add(nip)
              ? Map.of("decision", "RETURN", "reviewNotes", "Indikator belum terukur; perbaiki.")
              : Map.of("decision", "APPROVE");
      case "checkin" -> checkin(variables, fallsBehind(nip) && gapMonth(nip) == month);
      case "feedback" -> Map.of("feedbackHasilKerja", "Sesuai rencana bulan ini.");
      case "coaching" ->
          Map.of("coachingKind", "BIMBINGAN", "coachingPlan", "Pendampingan mingguan oleh atasan.");
      case "assign-coach-manually" ->
          Map.of("chosenCoach", variables.path("raterUsername").asText(), "coachKind", "BIMBINGAN");
      case "coaching-session" ->
          Map.of(
              "sessionDate",
              today(now),
              "sessionNotes",
              "Target bulan berikut disepakati.",
              "outcome",
              "CLOSED");
      case "follow-up" ->
          process.equals("improvement-period")
              ? Map.of("followUpAction", "TRAINING", "followUpNotes", "Diklat teknis.")
              : Map.of("tindakLanjut", "Dipantau pada check-in berikutnya.");
      case "set-unit-predikat" -> Map.of("predikatOrganisasi", "BAIK");
      case "self-assess" -> selfAssessment(variables.path("selfResults"));
      case "draft-plan" ->
          Map.of(
              "planGoals",
              "Capaian kembali sesuai rencana.",
              "planActions",
              "Daftar periksa mingguan dengan atasan.",
              "planSupport",
              "Pendampingan atasan.",
              "planTargetDate",
              LocalDate.parse(today(now)).plusMonths(3).toString());
      case "review-plan" -> Map.of("planDecision", "AGREED");
      case "rate" -> rating(variables, nip);
      case "calibrate" ->
          Map.of(
              "calibrationAction", "JUSTIFY", "justification", "Sebaran disepakati tim penilai.");
      case "explain" -> Map.of("explanation", "Capaian triwulan IV di bawah target.");
      case "decide" ->
          Map.of("appealDecision", "UPHELD", "decisionNotes", "Penilaian sesuai bukti.");
      case "employee-explain" -> Map.of("employeeExplanation", "Bukti dukung terlampir.");
      case "follow-up-overdue" ->
          Map.of("escalationAction", "KEEP", "followUpNotes", "Pejabat diingatkan.");
      case "choose-respondents" ->
          Map.of("respondents", firstValues(variables.path("respondentOptions"), 3));
      case "answer" ->
          Map.of(
              "berorientasiPelayanan",
              4,
              "akuntabel",
              4,
              "kompeten",
              4,
              "harmonis",
              4,
              "loyal",
              4,
              "adaptif",
              4,
              "kolaboratif",
              4);
      case "review-improvement" ->
          Map.of("improvementOutcome", "IMPROVED", "improvementNotes", "Target tercapai.");
      default -> null;
    };
  }

  /** As expected on every RHK the form lists and every BerAKHLAK value, with a narrative. */
  private static Map<String, Object> selfAssessment(JsonNode results) {
    var rated = new ArrayList<Map<String, Object>>();
    for (JsonNode result : results) {
      rated.add(Map.of("rhk", result.path("rhk").asText(), "selfRating", "SESUAI_EKSPEKTASI"));
    }
    var behaviour = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 7; i++) {
      behaviour.add(Map.of("selfRating", "SESUAI_EKSPEKTASI"));
    }
    return Map.of(
        "selfResults",
        rated,
        "selfBehaviour",
        behaviour,
        "selfNarrative",
        "Target periode ini tercapai sesuai rencana.");
  }

  private static List<String> firstValues(JsonNode options, int n) {
    var values = new ArrayList<String>();
    for (JsonNode option : options) {
      if (values.size() < n) {
        values.add(option.path("value").asText());
      }
    }
    return values;
  }

  /** The date field of a form: the agency's day (WITA) of the demo clock's instant. */
  private static String today(String now) {
    return LocalDate.ofInstant(Instant.parse(now), ZoneOffset.ofHours(8)).toString();
  }

  private static Map<String, Object> rating(JsonNode variables, String nip) {
    boolean annual = variables.path("period").asText().equals("ANNUAL");
    String hasilKerja = annual && appeals(nip) ? "DI_BAWAH_EKSPEKTASI" : "SESUAI_EKSPEKTASI";
    if (variables.path("evaluation").path("unitHead").asBoolean()) {
      return Map.of("ratingPerilaku", "SESUAI_EKSPEKTASI"); // the unit predikat sets hasil kerja
    }
    return Map.of("ratingHasilKerja", hasilKerja, "ratingPerilaku", "SESUAI_EKSPEKTASI");
  }

  /** Realisasi on the pro-rata plan, or far behind it (a gap: coaching follows). */
  private Map<String, Object> checkin(JsonNode variables, boolean behind) {
    var items = new ArrayList<Map<String, Object>>();
    for (JsonNode item : variables.path("checkinItems")) {
      var row = new HashMap<String, Object>();
      row.put("iki", item.path("iki").asText());
      row.put("target", item.path("target").numberValue());
      row.put("satuan", item.path("satuan").asText());
      row.put("realisasi", behind ? 0 : item.path("target").asDouble() * month / 12);
      row.put("bukti", "https://drive.example.go.id/bukti/" + month);
      items.add(row);
    }
    return Map.of("checkinItems", items);
  }

  /**
   * A small quantitative SKP: one Utama result with one indicator, supporting the rater's first RHK
   * when the rater's SKP is approved (the form then offers it), else a superior's RHK typed in.
   */
  static Map<String, Object> skp(JsonNode rhkAtasanOptions) {
    var result = new HashMap<String, Object>();
    result.put("jenis", "UTAMA");
    if (rhkAtasanOptions.isArray() && !rhkAtasanOptions.isEmpty()) {
      result.put("chosenRhkAtasan", rhkAtasanOptions.get(0).path("value").asText());
    } else {
      result.put("rhkAtasan", "Meningkatnya kualitas perencanaan daerah");
    }
    result.put("rhk", "Tersusunnya dokumen perencanaan tepat waktu");
    result.put(
        "indikator",
        List.of(
            Map.of(
                "iki", "Dokumen perencanaan selesai sesuai jadwal",
                "aspek", "WAKTU",
                "target", 95,
                "satuan", "persen")));
    return Map.of("approach", "KUANTITATIF", "hasilKerja", List.of(result));
  }
}
