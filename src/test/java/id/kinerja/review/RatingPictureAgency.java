package id.kinerja.review;

import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.monitoring.CheckIns;
import id.kinerja.planning.SkpRecords;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A section under review for the second quarter, with everything its rater's full picture shows for
 * one employee (staf): an approved SKP of two indicators, check-ins of April and May with the
 * rater's feedback and evidence (a file and a link), 360 answers of a peer and a subordinate (and
 * the employee's own, which the picture leaves out), and the public's answers on the section in the
 * first and second quarter. All people sign in with the demo password.
 */
public final class RatingPictureAgency {

  public final int year;
  public final Person kadis;
  public final Person kasi;
  public final Person staf;
  public final Person rekan;
  public final String unitCode;
  public final UUID evidenceId;

  /** The tasks of the section's review and of its employee reviews. */
  private final Predicate<TaskRow> review;

  /** The unit head's task setting the section's predikat: a task that rates nobody. */
  public final long unitPredikatTask;

  public RatingPictureAgency(
      int year,
      JdbcClient jdbc,
      Engine engine,
      UnitReviews unitReviews,
      SkpRecords skps,
      CheckIns checkIns,
      Feedback360 feedback,
      TaskStore store,
      TaskService tasks) {
    this.year = year;
    var agency = new TestAgency(jdbc);
    kadis = agency.withDemoPassword(agency.person("kadis", "IV/c", null));
    long section = agency.unit("LAYANAN", agency.root());
    kasi = agency.withDemoPassword(agency.person("kasi", "III/d", kadis, section));
    staf = agency.withDemoPassword(agency.person("staf", "III/a", kasi, section));
    rekan = agency.withDemoPassword(agency.person("rekan", "III/a", kasi, section));
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", kasi.id())
        .param("unit", section)
        .update();
    unitCode =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", section)
            .query(String.class)
            .single();

    var skp =
        skps.recordDraft(
            -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
            staf.nip(),
            year,
            1,
            "draft-" + staf.nip(),
            staf.username(),
            "KUANTITATIF",
            Map.of(
                "hasilKerja",
                List.of(
                    Map.of(
                        "jenis",
                        "UTAMA",
                        "rhk",
                        "Permohonan izin terlayani tepat waktu",
                        "rhkAtasan",
                        "Meningkatnya kualitas layanan perizinan",
                        "indikator",
                        List.of(
                            Map.of(
                                "iki",
                                "Permohonan dilayani",
                                "aspek",
                                "KUANTITAS",
                                "target",
                                120,
                                "satuan",
                                "permohonan"),
                            Map.of(
                                "iki",
                                "Lama penyelesaian",
                                "aspek",
                                "WAKTU",
                                "target",
                                5,
                                "satuan",
                                "hari",
                                "lowerIsBetter",
                                true),
                            Processes.qualitativeIndicator())))));
    skps.recordReview(
        skp.processInstanceKey(),
        "review-" + staf.nip(),
        kasi.username(),
        SkpRecords.Decision.APPROVE,
        null,
        null);

    evidenceId = UUID.randomUUID();
    byte[] pdf = "%PDF-1.4 laporan".getBytes(StandardCharsets.US_ASCII);
    jdbc.sql(
            """
            insert into task_evidence (id, task_key, employee_nip, uploaded_by, file_name, content_type, size_bytes, content)
            values (:id, :task, :nip, :by, 'laporan-mei.pdf', 'application/pdf', :size, :content)""")
        .param("id", evidenceId)
        .param("task", -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .param("nip", staf.nip())
        .param("by", staf.username())
        .param("size", pdf.length)
        .param("content", pdf)
        .update();
    checkIn(checkIns, 4, 35, 6, List.of(), null, "April: permohonan lancar.", "Tetap ramah.");
    checkIn(
        checkIns,
        5,
        50,
        4,
        List.of(
            Map.of(
                "evidenceId",
                evidenceId.toString(),
                "name",
                "laporan-mei.pdf",
                "url",
                "/api/evidence/" + evidenceId)),
        "https://arsip.example.test/mei",
        "Mei: antrean berkurang, pertahankan.",
        "Tanggap pada keluhan warga.");

    feedback.record(
        "peer-" + staf.nip(),
        staf.nip(),
        year,
        "Q2",
        "PEER",
        rekan.username(),
        Map.of("berorientasiPelayanan", 4, "akuntabel", 5),
        null);
    feedback.record(
        "sub-" + staf.nip(),
        staf.nip(),
        year,
        "Q2",
        "SUBORDINATE",
        "bawahan",
        Map.of("berorientasiPelayanan", 3),
        null);
    feedback.record(
        "self-" + staf.nip(),
        staf.nip(),
        year,
        "Q2",
        "SELF",
        staf.username(),
        Map.of("berorientasiPelayanan", 1, "kompeten", 1),
        null);

    feedback.recordPublic(
        unitCode,
        LocalDate.of(year, 2, 3),
        "a".repeat(64),
        Map.of("berorientasiPelayanan", 1),
        "Lama sekali.");
    feedback.recordPublic(
        unitCode,
        LocalDate.of(year, 5, 10),
        "b".repeat(64),
        Map.of("berorientasiPelayanan", 4, "akuntabel", 3),
        null);
    feedback.recordPublic(
        unitCode,
        LocalDate.of(year, 6, 20),
        "c".repeat(64),
        Map.of("berorientasiPelayanan", 5),
        "Pelayanan cepat dan ramah.");

    review = Processes.unitReview(engine, unitReviews, unitCode, year, "Q2", false);
    unitPredikatTask =
        new People(store, tasks).awaitTask(kasi.viewer(), review, "set-unit-predikat").key();
    tasks.complete(unitPredikatTask, kasi.viewer(), Map.of("predikatOrganisasi", "BAIK"));
    // the rating follows the employee's self-assessment
    new People(store, tasks)
        .selfAssess(staf.viewer(), review, List.of("Permohonan izin terlayani tepat waktu"));
  }

  private void checkIn(
      CheckIns checkIns,
      int month,
      int served,
      int days,
      List<Map<String, Object>> files,
      String link,
      String results,
      String service) {
    var first = new LinkedHashMap<String, Object>();
    first.put("jenis", "UTAMA");
    first.put("iki", "Permohonan dilayani");
    first.put("target", 120);
    first.put("satuan", "permohonan");
    first.put("realisasi", served);
    first.put("berkas", files);
    if (link != null) {
      first.put("bukti", link);
    }
    checkIns.record(
        "checkin-" + month + "-" + staf.nip(),
        staf.nip(),
        year,
        1,
        month,
        List.of(
            first,
            Map.of(
                "jenis",
                "UTAMA",
                "iki",
                "Lama penyelesaian",
                "target",
                5,
                "satuan",
                "hari",
                "lowerIsBetter",
                true,
                "realisasi",
                days),
            qualitative(month)),
        results,
        null,
        List.of(
            Map.of("nilai", "berorientasiPelayanan", "feedback", service),
            Map.of("nilai", "akuntabel", "feedback", "")),
        new CheckIns.Gap(false, ""));
  }

  /** The qualitative indicator as the month's check-in reports it: a narrative, no number. */
  private static Map<String, Object> qualitative(int month) {
    var item = new LinkedHashMap<String, Object>(Processes.qualitativeIndicator());
    item.put("jenis", "UTAMA");
    item.put("narasi", "Bulan " + month + ": semua jawaban diperiksa kepala seksi.");
    return item;
  }

  /** The rater's open rating task of the employee. */
  public TaskRow ratingTask(TaskStore store, TaskService tasks) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                new People(store, tasks)
                    .openTasks(kasi.viewer(), review, "rate").stream()
                        .filter(t -> staf.nip().equals(t.variables().get("employeeNip")))
                        .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
