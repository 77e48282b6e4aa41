package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.support.Processes;
import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.TaskProblem;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/employee-review.bpmn, called by the unit review once per employee: the self-assessment
 * before the rating (or, missing at its due date, a rating without it), the wait for a running 360
 * round, and the head of the unit under review, whose hasil-kerja rating the unit's predikat gives
 * (rating-pimpinan-unit.dmn), which the rater cannot send, while the rater sets perilaku.
 */
class EmployeeReviewProcessTest extends IntegrationTest {

  static final int YEAR = 2095;

  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired UnitReviews unitReviews;
  @Autowired Evaluations evaluations;
  @Autowired TestRestTemplate http;
  @Autowired ContextEngine clock;
  @Autowired FeedbackRounds feedbackRounds;

  @Test
  void theUnitHeadsHasilKerjaFollowsTheUnitPredikatAndTheRaterSetsPerilaku() {
    var agency = new TestAgency(jdbc);
    Person kadis = agency.person("kadis", "IV/c", null);
    long section = agency.unit("SEKSI", agency.root());
    Person kasi = agency.person("kasi", "III/d", kadis, section);
    Person staf = agency.person("staf", "III/a", kasi, section);
    agency.head(section, kasi);
    String unit = agency.code(section);
    Predicate<TaskRow> review = start(unit, "ANNUAL");
    var people = new People(store, tasks);

    tasks.complete(
        people.awaitTask(kasi.viewer(), review, "set-unit-predikat").key(),
        kasi.viewer(),
        Map.of("predikatOrganisasi", "ISTIMEWA"));
    people.selfAssess(kasi.viewer(), review);
    people.selfAssess(staf.viewer(), review);
    TaskRow headRating = rating(kadis.viewer(), review, kasi);
    assertThat(headRating.variables().get("evaluation"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("unitHead", true)
        .containsEntry("unitPredikat", "Istimewa");
    // the task carries this employee's evaluation, not the whole unit's list
    assertThat(headRating.variables()).doesNotContainKey("evaluations");
    // the unit's predikat decides the head's hasil kerja: the form hides the field, and a rating
    // sent for it anyway is refused naming it, with nothing recorded
    agency.withDemoPassword(kadis);
    ResponseEntity<JsonNode> sentAnyway =
        new Api(http)
            .post(
                kadis.username(),
                "/api/tasks/" + headRating.key() + "/complete",
                Map.of(
                    "ratingHasilKerja",
                    "DI_BAWAH_EKSPEKTASI",
                    "ratingPerilaku",
                    "SESUAI_EKSPEKTASI"));
    assertThat(sentAnyway.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(sentAnyway.getBody().path("errors")).hasSize(1);
    JsonNode refusal = sentAnyway.getBody().path("errors").get(0);
    assertThat(refusal.path("field").asText()).isEqualTo("ratingHasilKerja");
    assertThat(refusal.path("message").asText())
        .isEqualTo("Kolom ini tersembunyi pada isian ini dan tidak boleh dikirim.");
    assertThat(rating(kadis.viewer(), review, kasi).key()).isEqualTo(headRating.key());
    tasks.complete(headRating.key(), kadis.viewer(), Map.of("ratingPerilaku", "SESUAI_EKSPEKTASI"));

    // anyone else's rater must set hasil kerja
    TaskRow stafRating = rating(kasi.viewer(), review, staf);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    stafRating.key(), kasi.viewer(), Map.of("ratingPerilaku", "SESUAI_EKSPEKTASI")))
        .isInstanceOfSatisfying(
            TaskProblem.class,
            p ->
                assertThat(p.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("ratingHasilKerja"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> evaluations.of(kasi.nip(), YEAR, "ANNUAL").map(Evaluations.Evaluation::predikat),
            p -> p.isPresent() && p.get() != null);
    Evaluations.Evaluation result = evaluations.of(kasi.nip(), YEAR, "ANNUAL").orElseThrow();
    assertThat(result.ratingHasilKerja()).isEqualTo("DI_ATAS_EKSPEKTASI");
    assertThat(result.ratingPerilaku()).isEqualTo("SESUAI_EKSPEKTASI");
    assertThat(result.predikat()).isEqualTo("BAIK");
  }

  @Test
  void theRaterSeesTheSelfAssessmentOrThatItWasNotSubmittedByItsDueDate() {
    var agency = new TestAgency(jdbc);
    Person kepala = agency.person("kepala", "IV/a", null);
    Person sent = agency.person("menilai", "III/a", kepala);
    Person silent = agency.person("diam", "III/a", kepala);
    agency.head(agency.root(), kepala);
    Predicate<TaskRow> review = start(agency.code(agency.root()), "Q2");
    var people = new People(store, tasks);
    people.complete(
        kepala.viewer(), review, "set-unit-predikat", Map.of("predikatOrganisasi", "BAIK"));

    // before each rating the employee is asked, due in a week (selfAssessmentPeriod [C])
    TaskRow asked = people.awaitTask(silent.viewer(), review, "self-assess");
    assertThat(asked.dueDate())
        .isAfter(clock.now().plus(Duration.ofDays(6)))
        .isBefore(clock.now().plus(Duration.ofDays(8)));
    assertThat(people.openTasks(kepala.viewer(), review, "rate")).isEmpty();
    people.selfAssess(sent.viewer(), review);
    // the other never answers: at the due date the rating goes on without it
    clock.advance(Duration.ofDays(8));
    TaskRow silentRating = rating(kepala.viewer(), review, silent);
    TaskRow sentRating = rating(kepala.viewer(), review, sent);
    assertThat(people.openTasks(silent.viewer(), review, "self-assess")).isEmpty();

    agency.withDemoPassword(kepala);
    var api = new Api(http);
    JsonNode submitted =
        api.get(kepala.username(), "/api/tasks/" + sentRating.key())
            .path("variables")
            .path("selfAssessment");
    assertThat(submitted.path("status").asText()).isEqualTo("Penilaian diri disampaikan pegawai.");
    assertThat(submitted.path("behaviour")).hasSize(7);
    assertThat(submitted.path("behaviour").get(0).path("name").asText())
        .isEqualTo("Berorientasi Pelayanan");
    assertThat(submitted.path("behaviour").get(0).path("rating").asText())
        .isEqualTo("Sesuai ekspektasi");
    assertThat(submitted.path("narrative").asText()).isEqualTo("Target tercapai sesuai rencana.");
    JsonNode missing =
        api.get(kepala.username(), "/api/tasks/" + silentRating.key())
            .path("variables")
            .path("selfAssessment");
    assertThat(missing.path("status").asText())
        .isEqualTo("Penilaian diri tidak disampaikan sampai batas waktu.");
    assertThat(missing.path("behaviour")).isEmpty();
    // a missing self-assessment blocks nothing: the rating is recorded as usual
    tasks.complete(
        silentRating.key(),
        kepala.viewer(),
        Map.of("ratingHasilKerja", "SESUAI_EKSPEKTASI", "ratingPerilaku", "SESUAI_EKSPEKTASI"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> evaluations.of(silent.nip(), YEAR, "Q2").map(Evaluations.Evaluation::predikat),
            p -> p.isPresent() && p.get() != null);
  }

  @Test
  void aRatingNeeding360InputWaitsUntilTheRoundClosesOrItsDeadlinePasses() {
    var agency = new TestAgency(jdbc);
    Person kepala = agency.person("kepala", "IV/a", null);
    Person answered = agency.person("dijawab", "III/a", kepala);
    Person late = agency.person("terlambat", "III/a", kepala);
    agency.head(agency.root(), kepala);
    String unit = agency.code(agency.root());
    // quarterly 360 switched on: a round of Q3 per employee, apart from any other period's
    assertThat(feedbackRounds.start(unit, YEAR, "Q3")).isEqualTo(2);
    assertThat(feedbackRounds.start(unit, YEAR, "Q3")).isZero();
    Predicate<TaskRow> review = start(unit, "Q3", true);
    var people = new People(store, tasks);
    people.complete(
        kepala.viewer(), review, "set-unit-predikat", Map.of("predikatOrganisasi", "BAIK"));
    people.selfAssess(answered.viewer(), review);
    people.selfAssess(late.viewer(), review);

    // no rating while the rounds run
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> people.openTasks(kepala.viewer(), review, "rate").isEmpty());
    // one round closes: the rater chose a peer, who answered; that rating goes on
    long round = roundOf(answered, "Q3");
    people.complete(
        kepala.viewer(),
        round,
        "choose-respondents",
        Map.of("respondents", List.of(late.username())));
    var answer = new HashMap<String, Object>();
    BerAkhlak.VALUES.forEach(v -> answer.put(v, 4));
    people.complete(late.viewer(), round, "answer", answer);
    TaskRow rating = rating(kepala.viewer(), review, answered);
    agency.withDemoPassword(kepala);
    assertThat(
            new Api(http)
                .get(kepala.username(), "/api/tasks/" + rating.key() + "/picture")
                .path("feedback360")
                .path("answers")
                .asLong())
        .isEqualTo(1);
    assertThat(people.openTasks(kepala.viewer(), review, "rate")).hasSize(1);

    // the other round is past its deadline (the choice due in 7 days, the answers 14 days later):
    // its rating goes on without it
    clock.advance(Duration.ofDays(22));
    rating(kepala.viewer(), review, late);
  }

  @Test
  void aRoundClosedBeforeTheRatingStartsIsNotWaitedFor() {
    var agency = new TestAgency(jdbc);
    Person kepala = agency.person("kepala", "IV/a", null);
    Person staf = agency.person("staf", "III/a", kepala);
    Person peer = agency.person("rekan", "III/a", kepala);
    agency.head(agency.root(), kepala);
    String unit = agency.code(agency.root());
    feedbackRounds.start(unit, YEAR, "ANNUAL");
    var people = new People(store, tasks);
    for (Person person : List.of(staf, peer)) {
      long round = roundOf(person, "ANNUAL");
      Person other = person == staf ? peer : staf;
      people.complete(
          kepala.viewer(),
          round,
          "choose-respondents",
          Map.of("respondents", List.of(other.username())));
      var answer = new HashMap<String, Object>();
      BerAkhlak.VALUES.forEach(v -> answer.put(v, 3));
      people.complete(other.viewer(), round, "answer", answer);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> feedbackRounds.of(staf.nip(), YEAR, "ANNUAL").map(r -> r.closedAt() != null),
            closed -> closed.orElse(false));

    Predicate<TaskRow> review = start(unit, "ANNUAL", true);
    people.complete(
        kepala.viewer(), review, "set-unit-predikat", Map.of("predikatOrganisasi", "BAIK"));
    people.selfAssess(staf.viewer(), review);
    rating(kepala.viewer(), review, staf);
  }

  private long roundOf(Person person, String period) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select process_instance_key from feedback_round where employee_nip = :nip and period_year = :year and period = :period")
                    .param("nip", person.nip())
                    .param("year", YEAR)
                    .param("period", period)
                    .query(Long.class)
                    .optional(),
            key -> key.isPresent() && key.get() > 0)
        .orElseThrow();
  }

  private Predicate<TaskRow> start(String unit, String period) {
    return start(unit, period, false);
  }

  /** Starts the review of the unit; its tasks and those of the employee reviews it calls. */
  private Predicate<TaskRow> start(String unit, String period, boolean feedback360Required) {
    return Processes.unitReview(engine, unitReviews, unit, YEAR, period, feedback360Required);
  }

  private TaskRow rating(Viewer rater, Predicate<TaskRow> review, Person person) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                new People(store, tasks)
                    .openTasks(rater, review, "rate").stream()
                        .filter(t -> person.nip().equals(t.variables().get("employeeNip")))
                        .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
