package id.kinerja.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/monitoring.bpmn: month-end check-ins, feedback, and coaching when results fall behind.
 */
class MonitoringProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired CheckIns checkIns;
  @Autowired Organisation organisation;
  @Autowired ContextEngine clock;
  @Autowired JdbcClient jdbc;
  @Autowired id.kinerja.coaching.CoachingRecords coachingRecords;
  @Autowired id.kinerja.review.Evaluations evaluations;

  final Viewer employee = new Viewer("pegawai1", List.of("PEGAWAI"));
  final Viewer rater = new Viewer("atasan1", List.of("PEGAWAI"));

  @Test
  void onTrackInJanuaryNoCoachingBehindInFebruaryTheRaterCoaches() {
    // last year: every month-end timer is due at once, without moving the clock other tests share
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 1;
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();
    long instance = Processes.monitoring(engine, nip, "pegawai1", "atasan1", year);
    var people = new People(store, tasks);

    TaskRow january = people.awaitTask(employee, instance, "checkin");
    // due 5 working days after month end [C]: weekends (and holidays) do not count
    assertThat(january.dueDate())
        .isEqualTo(
            fifthWorkingDayAfter(LocalDate.of(year, 1, 31))
                .atTime(23, 59, 59)
                .atZone(ZoneId.of("+08:00"))
                .toInstant());
    tasks.complete(january.key(), employee, Processes.checkin(january, 10));
    people.complete(rater, instance, "feedback", Map.of("feedbackHasilKerja", "Sesuai rencana."));

    TaskRow february = people.awaitTask(employee, instance, "checkin");
    // 12 of 20 planned: 60%
    tasks.complete(february.key(), employee, Processes.checkin(february, 12));
    people.complete(
        rater, instance, "feedback", Map.of("feedbackHasilKerja", "Tertinggal dari rencana."));
    TaskRow coaching = people.awaitTask(rater, instance, "coaching");
    assertThat(coaching.variables().get("gapSummary").toString())
        .contains("Permohonan informasi dilayani: 60%");
    tasks.complete(
        coaching.key(),
        rater,
        Map.of(
            "coachingKind",
            "BIMBINGAN",
            "coachingPlan",
            "Pendampingan mingguan pelayanan informasi."));

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                checkIns.coachingOf(nip).stream().anyMatch(c -> c.get("periodYear").equals(year)));
    assertThat(checkIns.ofEmployee(nip))
        .filteredOn(c -> c.get("periodYear").equals(year))
        .extracting(c -> c.get("gap"))
        .containsExactly(true, false);
    // what the form does not show stays as the task held it
    assertThat(
            jdbc.sql(
                    "select items->0->>'lowerIsBetter' from monitoring_checkin where employee_nip = ? and period_year = ? and month = 2")
                .params(nip, year)
                .query(String.class)
                .single())
        .isEqualTo("false");
    // the coaching process chose a coach for the rater's bimbingan and told the employee
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                coachingRecords.ofEmployee(nip).stream()
                        .anyMatch(a -> "BIMBINGAN".equals(a.kind()) && a.coachUsername() != null)
                    && jdbc.sql(
                                "select count(*) from notification_outbox where recipient_username = 'pegawai1' and type = 'COACH_ASSIGNED'")
                            .query(Long.class)
                            .single()
                        > 0);

    // the review of the year suggests a hasil-kerja rating from the latest check-in: 12 of 120
    long reviewId =
        jdbc.sql(
                "insert into unit_review (unit_code, period_year, period, started_by) values ('SEKSI-LIP', ?, 'ANNUAL', 'test') returning id")
            .param(year)
            .query(Long.class)
            .single();
    assertThat(evaluations.prepare(reviewId, "BAIK"))
        .filteredOn(item -> nip.equals(item.get("employeeNip")))
        .singleElement()
        .satisfies(
            item -> assertThat(item.get("suggestedRating")).isEqualTo("Di bawah ekspektasi"));
  }

  @Test
  @SuppressWarnings("unchecked") // the check-in rows as the engine holds them
  void aQualitativeIndicatorIsReportedWithANarrativeAndLeftOutOfTheNumbers() {
    var agency = new TestAgency(jdbc);
    Person head = agency.person("penilai", "IV/a", null);
    Person staff = agency.person("pegawai", "III/a", head);
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() - 1;
    long instance =
        Processes.monitoring(
            engine,
            staff.nip(),
            staff.username(),
            head.username(),
            year,
            List.of(Processes.quantitativeIndicator(), Processes.qualitativeIndicator()));
    var people = new People(store, tasks);

    TaskRow january = people.awaitTask(staff.viewer(), instance, "checkin");
    // the qualitative row carries its expected result, no target to count against
    assertThat((List<Map<String, Object>>) january.variables().get("checkinItems"))
        .extracting(
            i -> i.get("tipe"), i -> String.valueOf(i.get("target")), i -> i.get("hasilDiharapkan"))
        .containsExactly(
            tuple("KUANTITATIF", "120", null),
            tuple("KUALITATIF", "null", Processes.qualitativeIndicator().get("hasilDiharapkan")));
    // 10 of the 10 planned by the end of January
    tasks.complete(january.key(), staff.viewer(), Processes.checkin(january, 10));
    people.complete(head.viewer(), instance, "feedback", Map.of("feedbackHasilKerja", "Baik."));

    Map<String, Object> recorded =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(45))
            .until(() -> checkIns.ofEmployee(staff.nip()), list -> !list.isEmpty())
            .getFirst();
    assertThat(recorded.get("gap")).isEqualTo(false);
    assertThat((List<Map<String, Object>>) recorded.get("items"))
        .extracting(
            i -> i.get("counted"),
            i -> String.valueOf(i.get("targetToDate")),
            i -> String.valueOf(i.get("capaian")),
            i -> i.get("narasi"))
        .containsExactly(
            tuple(true, "10", "100.0", null), tuple(false, "null", "null", Processes.NARRATIVE));
  }

  @Test
  void capaianOnTheYearPageIsAgainstThePlanToDate() {
    Map<String, Object> item = Map.of("iki", "Jumlah", "target", 70, "realisasi", 16);

    // a post taken up in June: by August 3 of its 7 months, 30 planned; 16 is 53.3%
    Map<String, Object> august = CheckIns.withCapaian(item, 6, 8);
    assertThat(august.get("targetToDate")).isEqualTo(new BigDecimal("30"));
    assertThat(august.get("capaian")).isEqualTo(new BigDecimal("53.3"));
    // a ceiling (days to finish) is the same all year
    Map<String, Object> days =
        CheckIns.withCapaian(
            Map.of("iki", "Hari", "target", 10, "realisasi", 8, "lowerIsBetter", true), 1, 2);
    assertThat(days.get("capaian")).isEqualTo(new BigDecimal("125.0"));
  }

  @Test
  void aGapIsMeasuredAgainstThePlanToDateAndLowerIsBetterTargetsAreCeilings() {
    var items =
        List.of(
            Map.of("iki", "Jumlah", "target", 120, "realisasi", 25),
            Map.of("iki", "Hari", "target", 10, "realisasi", 14, "lowerIsBetter", true));

    CheckIns.Gap march = CheckIns.gap(items, 3, 1, new BigDecimal("0.2"));

    assertThat(march.found()).isTrue();
    assertThat(march.summary()).isEqualTo("Hari: 71%"); // Jumlah: 25 of 30 planned, 83%, within 20%
  }

  @Test
  void aPostTakenUpInJuneIsMeasuredAgainstThePlanSinceJune() {
    var items = List.of(Map.of("iki", "Jumlah", "target", 70, "realisasi", 16));

    // June to August are 3 of the post's 7 months: 30 planned, 16 is 53%
    assertThat(CheckIns.gap(items, 8, 6, new BigDecimal("0.2")).summary()).isEqualTo("Jumlah: 53%");
    assertThat(CheckIns.gap(items, 6, 6, new BigDecimal("0.2")).found()).isFalse(); // 10 planned
  }

  private static LocalDate fifthWorkingDayAfter(LocalDate day) {
    LocalDate due = day;
    for (int counted = 0; counted < 5; ) {
      due = due.plusDays(1);
      if (due.getDayOfWeek().getValue() < 6) {
        counted++;
      }
    }
    return due;
  }
}
