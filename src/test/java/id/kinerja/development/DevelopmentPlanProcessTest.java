package id.kinerja.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.coaching.CoachingRecords;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.development.DevelopmentFollowUps.Arranged;
import id.kinerja.development.DevelopmentPlans.Plan;
import id.kinerja.engine.Engine;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/development-plan.bpmn started where coaching ends (processes/coaching.bpmn), and the
 * training and special assignments coaching and the improvement period arrange.
 */
class DevelopmentPlanProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired ContextEngine contextEngine;
  @Autowired DevelopmentPlans plans;
  @Autowired DevelopmentFollowUps followUps;
  @Autowired CoachingRecords coachingRecords;
  @Autowired EngineClock clock;
  @Autowired AgencyTime time;
  People people;
  TestAgency agency;
  Person rater;
  Person employee;

  @BeforeEach
  void setUp() {
    people = new People(store, taskService);
    agency = new TestAgency(jdbc);
    rater = agency.person("penilai", "IV/a", null);
    employee = agency.person("pegawai", "III/a", rater);
  }

  @Test
  void afterCoachingTheEmployeeWritesAPlanTheRaterReturnsItAndAgreesTheSecondDraft() {
    long coaching = coaching("GAP");
    people.complete(rater.viewer(), coaching, "coaching-session", session("CLOSED"));

    long instance = awaitPlanProcess();
    TaskRow draft = people.awaitTask(employee.viewer(), instance, "draft-plan");
    assertThat(draft.variables())
        .containsEntry("planReason", "kesenjangan capaian terhadap target");
    assertThat(plans.ofEmployee(employee.nip()))
        .singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo("DRAFTING"));
    people.complete(employee.viewer(), instance, "draft-plan", draft("2027-06-30"));

    TaskRow review = people.awaitTask(rater.viewer(), instance, "review-plan");
    assertThat(review.variables()).containsEntry("planGoals", "Menjawab permohonan tepat waktu.");
    people.complete(
        rater.viewer(),
        instance,
        "review-plan",
        Map.of("planDecision", "RETURNED", "planReturnNote", "Tambahkan target bulanan."));

    TaskRow again = people.awaitTask(employee.viewer(), instance, "draft-plan");
    assertThat(again.variables()).containsEntry("planReturnNote", "Tambahkan target bulanan.");
    assertThat(plan().status()).isEqualTo("RETURNED");
    people.complete(employee.viewer(), instance, "draft-plan", draft("2027-07-31"));
    // the rater reviews the new draft afresh, no decision ticked
    assertThat(people.awaitTask(rater.viewer(), instance, "review-plan").variables())
        .containsEntry("planDecision", null);
    people.complete(rater.viewer(), instance, "review-plan", Map.of("planDecision", "AGREED"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestAgency.reached(contextEngine, instance, "plan-agreed-end"));
    Plan agreed = plan();
    assertThat(agreed.status()).isEqualTo("AGREED");
    assertThat(agreed.targetDate()).isEqualTo(LocalDate.of(2027, 7, 31));
    assertThat(agreed.decidedBy()).isEqualTo(rater.username());
    assertThat(agreed.returnNote()).isNull();
    assertThat(plans.ofRater(rater.username())).extracting(Plan::id).contains(agreed.id());
    assertThat(
            jdbc.sql(
                    "select action from audit_event where subject_type = 'DEVELOPMENT_PLAN' and subject_id = :id order by id")
                .param("id", String.valueOf(agreed.id()))
                .query(String.class)
                .list())
        .containsExactly(
            "DEVELOPMENT_PLAN_SUBMITTED",
            "DEVELOPMENT_PLAN_RETURNED",
            "DEVELOPMENT_PLAN_SUBMITTED",
            "DEVELOPMENT_PLAN_AGREED");
  }

  @Test
  void trainingFromCoachingIsArrangedForThePengelolaKinerjaAndThePlanFollows() {
    long coaching = coaching("PERIODIC_RATING_Q2");
    people.complete(rater.viewer(), coaching, "coaching-session", session("TRAINING"));

    Arranged training = awaitFollowUp();
    assertThat(training.kind()).isEqualTo("TRAINING");
    assertThat(training.source()).isEqualTo("COACHING");
    assertThat(training.ownerUsername()).isNull(); // the Pengelola Kinerja arranges training
    assertThat(training.description()).isEqualTo("Membahas capaian bulan ini");
    assertThat(training.dueDate()).isEqualTo(today().plusMonths(3));
    assertThat(training.outcome()).isNull();
    long instance = awaitPlanProcess();
    assertThat(people.awaitTask(employee.viewer(), instance, "draft-plan").variables())
        .containsEntry("planReason", "penilaian periodik di bawah ekspektasi");
  }

  @Test
  void aSpecialAssignmentIsTheRatersToArrange() {
    long coaching = coaching("GAP");
    people.complete(rater.viewer(), coaching, "coaching-session", session("SPECIAL_ASSIGNMENT"));

    Arranged assignment = awaitFollowUp();
    assertThat(assignment.kind()).isEqualTo("SPECIAL_ASSIGNMENT");
    assertThat(assignment.ownerUsername()).isEqualTo(rater.username());
    assertThat(assignment.dueDate()).isEqualTo(today().plusMonths(2));
  }

  @Test
  void withoutARaterNoPlanIsAsked() {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", null);
    variables.put("reason", "GAP");
    long coaching = engine.startProcess("coaching", variables);
    String coach =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> coachingRecords.byInstance(coaching), Optional::isPresent)
            .orElseThrow()
            .coachUsername();
    people.complete(
        new Viewer(coach, List.of("PEGAWAI")), coaching, "coaching-session", session("CLOSED"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestAgency.reached(contextEngine, coaching, "coaching-closed"));
    assertThat(plans.ofEmployee(employee.nip())).isEmpty();
  }

  @Test
  void trainingAfterAnImprovementPeriodIsArranged() {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeName", "Pegawai uji");
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater.username());
    variables.put("periodYear", 2031);
    variables.put("finalPredikat", "BUTUH_PERBAIKAN");
    variables.put("improvementPeriod", "PT1S");
    long instance = engine.startProcess("improvement-period", variables);
    people.complete(
        rater.viewer(),
        instance,
        "review-improvement",
        Map.of("improvementOutcome", "NOT_IMPROVED", "improvementNotes", "Target belum tercapai."));
    people.complete(
        People.person("pengelola", "PEGAWAI", "PENGELOLA_KINERJA"),
        instance,
        "follow-up",
        Map.of("followUpAction", "TRAINING", "followUpNotes", "Pelatihan pelayanan publik."));

    Arranged training = awaitFollowUp();
    assertThat(training.source()).isEqualTo("IMPROVEMENT_PERIOD");
    assertThat(training.description()).isEqualTo("Pelatihan pelayanan publik.");
    assertThat(training.ownerUsername()).isNull();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestAgency.reached(contextEngine, instance, "followed-up"));
  }

  private long coaching(String reason) {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater.username());
    variables.put("reason", reason);
    return engine.startProcess("coaching", variables);
  }

  private long awaitPlanProcess() {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                        "select process_instance_key from development_plan where employee_nip = :nip and process_instance_key > 0")
                    .param("nip", employee.nip())
                    .query(Long.class)
                    .optional(),
            Optional::isPresent)
        .orElseThrow();
  }

  private Arranged awaitFollowUp() {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> followUps.ofEmployee(employee.nip()), l -> !l.isEmpty())
        .getFirst();
  }

  private Plan plan() {
    return plans.ofEmployee(employee.nip()).getFirst();
  }

  private LocalDate today() {
    return clock.today(time.defaultZone());
  }

  static Map<String, Object> session(String outcome) {
    return Map.of(
        "sessionDate",
        "2027-02-10",
        "sessionNotes",
        "Membahas capaian bulan ini",
        "outcome",
        outcome);
  }

  static Map<String, Object> draft(String targetDate) {
    return Map.of(
        "planGoals",
        "Menjawab permohonan tepat waktu.",
        "planActions",
        "Daftar periksa harian dan umpan balik mingguan.",
        "planSupport",
        "Pelatihan arsip digital",
        "planTargetDate",
        targetDate);
  }
}
