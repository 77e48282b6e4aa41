package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.TaskState;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/review-calendar.bpmn: when a period ends the unit's review starts by itself, except one
 * the Pengelola Kinerja started by hand; the annual review takes the place of Triwulan IV; a
 * quarterly rating below expectation starts coaching. The year under review lies in the past, so
 * that every period has ended and every timer is due without moving the clock other tests share
 * (the year test on the sandbox engine moves its own).
 */
class ReviewCalendarProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired ContextEngine contextEngine;
  @Autowired TestRestTemplate http;

  @Test
  void endedPeriodsAreReviewedOnceAndAQuarterlyRatingBelowExpectationStartsCoaching() {
    var agency = new TestAgency(jdbc);
    Person head = agency.person("kepala", "IV/a", null);
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", head.id())
        .param("unit", agency.root())
        .update();
    Person behind = agency.person("tertinggal", "III/a", head);
    Person ahead = agency.person("unggul", "III/a", head);
    List<Person> asExpected =
        List.of(agency.person("sesuai1", "III/a", head), agency.person("sesuai2", "III/a", head));
    String unit =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    int year = LocalDate.ofInstant(contextEngine.now(), ZoneId.of("Asia/Makassar")).getYear() - 1;

    // the Pengelola Kinerja starts Triwulan III early, by hand
    assertThat(
            http.withBasicAuth("pengelola", "demo")
                .postForEntity(
                    "/api/reviews",
                    Map.of("unitCode", unit, "year", year, "period", "Q3"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    long calendar =
        engine.startProcess(
            "review-calendar", Map.of("periodId", 0, "unitCode", unit, "periodYear", year));

    // every period has ended: Q1, Q2 and the annual review start by the calendar, Q3 not again;
    // there is no separate Triwulan IV: the annual review takes its place [C]
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> TestAgency.reached(contextEngine, calendar, "reviewed-by-hand"));
    Viewer headViewer = new Viewer(head.username(), List.of("PEGAWAI"));
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> openTasks(headViewer, "set-unit-predikat").size() == 4);
    assertThat(
            jdbc.sql(
                    "select period || ':' || started_by from unit_review where unit_code = :unit and period_year = :year")
                .param("unit", unit)
                .param("year", year)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(
            "Q1:" + UnitReviews.CALENDAR,
            "Q2:" + UnitReviews.CALENDAR,
            "Q3:pengelola",
            "ANNUAL:" + UnitReviews.CALENDAR);

    // 360 input for the annual review (feedback360 [C]): one round per employee, started once
    await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from feedback_round where period_year = :year and process_instance_key > 0 and employee_nip in (:nips)")
                        .param("year", year)
                        .param(
                            "nips",
                            List.of(
                                behind.nip(),
                                ahead.nip(),
                                asExpected.get(0).nip(),
                                asExpected.get(1).nip()))
                        .query(Long.class)
                        .single()
                    == 4);
    assertThat(
            http.withBasicAuth("pengelola", "demo")
                .postForObject(
                    "/api/feedback-rounds", Map.of("unitCode", unit, "year", year), Map.class)
                .get("started"))
        .isEqualTo(0);

    // Triwulan I: one Butuh Perbaikan, one Sangat Baik, two Baik fit the BAIK curve
    TaskRow unitPredikat =
        openTasks(headViewer, "set-unit-predikat").stream()
            .filter(t -> "Q1".equals(t.variables().get("period")))
            .findFirst()
            .orElseThrow();
    // due at the end of the month after the quarter; the annual review by 31 January
    assertThat(unitPredikat.dueDate())
        .isEqualTo(ZonedDateTime.of(year, 4, 30, 23, 59, 59, 0, ZoneId.of("+08:00")).toInstant());
    assertThat(openTasks(headViewer, "set-unit-predikat"))
        .filteredOn(t -> "ANNUAL".equals(t.variables().get("period")))
        .singleElement()
        .extracting(TaskRow::dueDate)
        .isEqualTo(
            ZonedDateTime.of(year + 1, 1, 31, 23, 59, 59, 0, ZoneId.of("+08:00")).toInstant());
    long q1 = unitPredikat.processInstanceKey();
    Predicate<TaskRow> q1Tasks =
        People.ofReview(((Number) unitPredikat.variables().get("unitReviewId")).longValue());
    tasks.complete(unitPredikat.key(), headViewer, Map.of("predikatOrganisasi", "BAIK"));
    rate(headViewer, q1Tasks, behind, "DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI");
    rate(headViewer, q1Tasks, ahead, "DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI");
    for (Person person : asExpected) {
      rate(headViewer, q1Tasks, person, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI");
    }

    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> TestAgency.reached(contextEngine, q1, "coaching-started"));
    assertThat(
            jdbc.sql(
                    "select predikat from evaluation where employee_nip = :nip and period_year = :year and period = 'Q1' and status = 'DELIVERED'")
                .param("nip", behind.nip())
                .param("year", year)
                .query(String.class)
                .single())
        .isEqualTo("BUTUH_PERBAIKAN");
    // coaching for the one rated below expectation, and for nobody else
    List<Map<String, Object>> requests =
        jdbc.sql(
                """
                select employee_nip, reason, process_instance_key from coaching_request
                 where employee_nip in (:nips)""")
            .param(
                "nips",
                List.of(
                    behind.nip(), ahead.nip(), asExpected.get(0).nip(), asExpected.get(1).nip()))
            .query()
            .listOfRows();
    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("employee_nip")).isEqualTo(behind.nip());
              assertThat(r.get("reason")).isEqualTo("PERIODIC_RATING_Q1");
            });
    long coaching = ((Number) requests.get(0).get("process_instance_key")).longValue();
    // the coaching process runs: a coach is chosen and has the first session to hold
    await().atMost(Duration.ofSeconds(45)).until(() -> !store.ofInstance(coaching).isEmpty());
  }

  private void rate(
      Viewer rater, Predicate<TaskRow> review, Person person, String hasil, String perilaku) {
    var people = new People(store, tasks);
    people.selfAssess(person.viewer(), review);
    TaskRow task =
        people.awaitTask(
            rater, review.and(t -> person.nip().equals(t.variables().get("employeeNip"))), "rate");
    tasks.complete(
        task.key(), rater, Map.of("ratingHasilKerja", hasil, "ratingPerilaku", perilaku));
  }

  private List<TaskRow> openTasks(Viewer viewer, String elementId) {
    return store
        .search(
            new id.kinerja.tasklist.TaskQuery(
                id.kinerja.tasklist.TaskQuery.View.MINE, null, null, null, null, null, 0, 200),
            viewer)
        .items()
        .stream()
        .filter(t -> t.elementId().equals(elementId))
        .filter(t -> t.state() == TaskState.OPEN)
        .toList();
  }
}
