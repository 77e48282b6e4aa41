package id.kinerja.support;

import id.kinerja.engine.Engine;
import id.kinerja.review.UnitReviews;
import id.kinerja.tasklist.TaskRow;
import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Processes started half-way, the way their callers start them, for tests of later steps. */
public final class Processes {

  private Processes() {}

  /**
   * Opens and starts the review of a unit for a period, as ReviewController does, in the agency's
   * zone +08:00; 360 input waited for when asked. Returns its tasks and those of the employee
   * reviews it calls ({@link People#ofReview}).
   */
  public static Predicate<TaskRow> unitReview(
      Engine engine,
      UnitReviews unitReviews,
      String unitCode,
      int year,
      String period,
      boolean feedback360Required) {
    UnitReviews.Opened opened = unitReviews.open(unitCode, year, period, "test");
    engine.startProcess(
        "unit-review",
        Map.of(
            "feedback360Required",
            feedback360Required,
            "unitReviewId",
            opened.unitReviewId(),
            "unitCode",
            unitCode,
            "periodYear",
            year,
            "period",
            period,
            "unitHeadUsername",
            opened.unitHeadUsername(),
            "zoneOffset",
            "+08:00"));
    return People.ofReview(opened.unitReviewId());
  }

  /** The Utama indicator of {@link #monitoring}: 120 permohonan a year. */
  public static Map<String, Object> quantitativeIndicator() {
    return Map.of(
        "iki",
        "Permohonan informasi dilayani",
        "aspek",
        "KUANTITAS",
        "target",
        120,
        "satuan",
        "permohonan");
  }

  /** A qualitative indicator: a described expected result, no numeric target. */
  public static Map<String, Object> qualitativeIndicator() {
    return Map.of(
        "iki",
        "Kualitas jawaban atas permohonan informasi",
        "aspek",
        "KUALITAS",
        "tipe",
        "KUALITATIF",
        "hasilDiharapkan",
        "Jawaban lengkap, jelas dan sesuai peraturan keterbukaan informasi");
  }

  /**
   * The monitoring of an approved SKP with one Utama indicator (120 permohonan a year). For a past
   * year every month-end timer is due at once, without moving the clock other tests share.
   */
  public static long monitoring(
      Engine engine, String employeeNip, String employeeUsername, String raterUsername, int year) {
    return monitoring(
        engine,
        employeeNip,
        employeeUsername,
        raterUsername,
        year,
        List.of(quantitativeIndicator()));
  }

  /** The monitoring of an approved SKP with one Utama result with these indicators. */
  public static long monitoring(
      Engine engine,
      String employeeNip,
      String employeeUsername,
      String raterUsername,
      int year,
      List<Map<String, Object>> indicators) {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employeeNip);
    variables.put("employeeName", "Pegawai " + employeeUsername);
    variables.put("employeeUsername", employeeUsername);
    variables.put("raterUsername", raterUsername);
    variables.put("periodYear", year);
    variables.put("zoneOffset", "+08:00");
    variables.put(
        "hasilKerja",
        List.of(
            Map.of(
                "jenis",
                "UTAMA",
                "rhk",
                "Terlayaninya permohonan informasi publik",
                "indikator",
                indicators)));
    return engine.startProcess("monitoring", variables);
  }

  /** The narrative {@link #checkin} reports for a qualitative indicator. */
  public static final String NARRATIVE = "Semua jawaban bulan ini lengkap dan diperiksa atasan.";

  /**
   * A check-in as form-js sends it: each row with the fields its form shows (its readonly ones
   * unchanged) and this realisasi, or for a qualitative indicator {@link #NARRATIVE}; what the form
   * does not show (jenis, lowerIsBetter) is not sent.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> checkin(TaskRow task, int realisasi) {
    var items = new ArrayList<Map<String, Object>>();
    for (Object item : (List<Object>) task.variables().get("checkinItems")) {
      var held = (Map<String, Object>) item;
      var row = new HashMap<String, Object>();
      boolean qualitative = "KUALITATIF".equals(held.get("tipe"));
      List<String> shown =
          qualitative
              ? List.of("tipe", "iki", "hasilDiharapkan")
              : List.of("tipe", "iki", "target", "satuan");
      for (String field : shown) {
        row.put(field, held.get(field));
      }
      if (qualitative) {
        row.put("narasi", NARRATIVE);
      } else {
        row.put("realisasi", realisasi);
      }
      row.put("bukti", "https://drive.example.go.id/bukti");
      items.add(row);
    }
    return Map.of("checkinItems", items);
  }

  /** Who an appeal is between: user names and NIPs. */
  public record Parties(
      String employeeNip,
      String employeeUsername,
      String raterNip,
      String raterUsername,
      String deciderUsername) {}

  /**
   * An appeal against no particular evaluation, filed at that time (in the past, its time limits
   * are due at once), with its row as Appeals keeps it.
   */
  public static long appeal(Engine engine, JdbcClient jdbc, Parties parties, Instant filedAt) {
    String reasons = "Capaian saya melampaui target triwulan IV.";
    long appealId =
        jdbc.sql(
                """
                insert into appeal (employee_nip, rater_nip, reasons, decider_username, filed_at)
                values (:nip, :rater, :reasons, :decider, :filedAt) returning id""")
            .param("nip", parties.employeeNip())
            .param("rater", parties.raterNip())
            .param("reasons", reasons)
            .param("decider", parties.deciderUsername())
            .param("filedAt", Timestamp.from(filedAt))
            .query(Long.class)
            .single();
    var variables = new HashMap<String, Object>();
    variables.put("appealId", appealId);
    variables.put("evaluationId", 0);
    variables.put("employeeNip", parties.employeeNip());
    variables.put("employeeUsername", parties.employeeUsername());
    variables.put("raterUsername", parties.raterUsername());
    variables.put("deciderUsername", parties.deciderUsername());
    variables.put("reasons", reasons);
    variables.put("filedAt", filedAt.atOffset(ZoneOffset.ofHours(8)).toString());
    variables.put("zoneOffset", "+08:00");
    long instance = engine.startProcess("appeal", variables);
    jdbc.sql("update appeal set process_instance_key = :key where id = :id")
        .param("key", instance)
        .param("id", appealId)
        .update();
    return instance;
  }

  /**
   * A notification step for a user who does not exist: the notify worker stops it with an incident.
   * Returns the process instance key.
   */
  public static long notificationToNobody(CamundaClient client, String recipient) {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("notification/notify-test.bpmn")
        .send()
        .join();
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("notify-test")
        .latestVersion()
        .variables(Map.of("notificationType", "DEADLINE_NEAR", "recipientUsername", recipient))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** An SKP planning of a post that starts today, in WITA, as the performance year starts it. */
  public static long skpPlanning(
      Engine engine,
      String employeeNip,
      String employeeUsername,
      String raterUsername,
      LocalDate today) {
    return engine.startProcess(
        "skp-planning",
        Map.of(
            "employeeNip",
            employeeNip,
            "employeeUsername",
            employeeUsername,
            "raterUsername",
            raterUsername,
            "periodYear",
            today.getYear(),
            "postStartedOn",
            today.toString(),
            "zoneOffset",
            "+08:00"));
  }
}
