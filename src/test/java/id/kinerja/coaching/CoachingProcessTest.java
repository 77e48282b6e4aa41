package id.kinerja.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.CoachingRecords.Assignment;
import id.kinerja.coaching.CoachingRecords.Session;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** processes/coaching.bpmn with its forms and workers, driven through the tasklist. */
class CoachingProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;
  @Autowired TaskService taskService;
  @Autowired CoachingRecords records;
  @Autowired ContextEngine contextEngine;
  @Autowired TestRestTemplate http;
  People people;
  TestAgency agency;
  final Viewer officer = People.person("pengelola", "PEGAWAI", "PENGELOLA_KINERJA");

  @BeforeEach
  void setUp() {
    people = new People(store, taskService);
    agency = new TestAgency(jdbc);
  }

  @Test
  void theChosenCoachClosesTheCoachingInOneSession() {
    Person rater = agency.person("rater", "IV/a", null);
    Person employee = agency.person("emp", "III/a", rater);
    long instance = start(employee, rater);

    people.complete(as(rater), instance, "coaching-session", session("CLOSED"));

    Assignment assignment = awaitStatus(instance, "CLOSED");
    assertThat(assignment.coachUsername()).isEqualTo(rater.username());
    assertThat(assignment.kind()).isEqualTo("BIMBINGAN");
    assertThat(assignment.assignedBy()).isEqualTo("SYSTEM");
    assertThat(assignment.outcome()).isEqualTo("CLOSED");
    assertThat(records.sessions(assignment.id()))
        .extracting(Session::outcome, Session::recordedBy)
        .containsExactly(Tuple.tuple("CLOSED", rater.username()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestAgency.reached(contextEngine, instance, "coaching-closed"));
    // the coach and the employee are told
    assertThat(
            jdbc.sql(
                    "select recipient_username from notification_outbox where type = 'COACH_ASSIGNED' and event_key like :key")
                .param("key", instance + ":%")
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(rater.username(), employee.username());
  }

  @Test
  void moreCoachingLoopsToAnotherSession() {
    Person rater = agency.person("rater", "IV/a", null);
    Person employee = agency.person("emp", "III/a", rater);
    long instance = start(employee, rater);

    people.complete(as(rater), instance, "coaching-session", session("MORE_COACHING"));
    people.complete(as(rater), instance, "coaching-session", session("TRAINING"));

    Assignment assignment = awaitStatus(instance, "CLOSED");
    assertThat(records.sessions(assignment.id()))
        .extracting(Session::outcome)
        .containsExactly("MORE_COACHING", "TRAINING");
  }

  @Test
  void aDisciplineRecommendationGoesToThePengelolaKinerja() {
    Person rater = agency.person("rater", "IV/a", null);
    Person employee = agency.person("emp", "III/a", rater);
    long instance = start(employee, rater);

    people.complete(as(rater), instance, "coaching-session", session("DISCIPLINE_RECOMMENDATION"));

    TaskRow followUp = people.awaitTask(officer, instance, "follow-up");
    assertThat(followUp.variables()).containsEntry("outcome", "DISCIPLINE_RECOMMENDATION");
    people.complete(
        officer, instance, "follow-up", Map.of("tindakLanjut", "Diteruskan ke tim disiplin"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestAgency.reached(contextEngine, instance, "coaching-followed-up"));
  }

  @Test
  void withoutAnEligibleCoachThePengelolaKinerjaPicksOneAndTheChoiceIsChecked() {
    Person top = agency.person("top", "IV/e", null); // nobody above, no certified coach
    Person junior = agency.person("junior", "III/a", top);
    long instance = start(top, null);

    people.complete(
        officer,
        instance,
        "assign-coach-manually",
        Map.of("chosenCoach", top.username(), "coachKind", "BIMBINGAN"));
    TaskRow again = people.awaitTask(officer, instance, "assign-coach-manually");
    assertThat(again.variables().get("coachProblem")).asString().contains("dirinya sendiri");

    people.complete(
        officer,
        instance,
        "assign-coach-manually",
        Map.of("chosenCoach", junior.username(), "coachKind", "BIMBINGAN"));

    people.awaitTask(as(junior), instance, "coaching-session");
    Assignment assignment = records.byInstance(instance).orElseThrow();
    assertThat(assignment.coachUsername()).isEqualTo(junior.username());
    assertThat(assignment.assignedBy()).isEqualTo(officer.username());
  }

  @Test
  void theEmployeeAndTheCoachSeeTheCoachingInTheApi() {
    Person rater = agency.person("rater", "IV/a", null);
    Person employee = agency.person("emp", "III/a", rater);
    long instance = start(employee, rater);
    people.complete(as(rater), instance, "coaching-session", session("SPECIAL_ASSIGNMENT"));
    awaitStatus(instance, "CLOSED");
    // the demo password, so that the inserted people can sign in
    jdbc.sql(
            """
            update app_user set password_hash = (select password_hash from app_user where username = 'pegawai1')
            where username in (:users)""")
        .param("users", List.of(rater.username(), employee.username()))
        .update();

    JsonNode mine =
        http.withBasicAuth(employee.username(), "demo")
            .getForObject("/api/coaching/mine", JsonNode.class);
    assertThat(mine).hasSize(1);
    assertThat(mine.at("/0/assignment/coachUsername").asText()).isEqualTo(rater.username());
    assertThat(mine.at("/0/sessions/0/outcome").asText()).isEqualTo("SPECIAL_ASSIGNMENT");

    JsonNode coaching =
        http.withBasicAuth(rater.username(), "demo")
            .getForObject("/api/coaching/assigned-to-me", JsonNode.class);
    assertThat(coaching).hasSize(1);
    assertThat(coaching.at("/0/assignment/employeeNip").asText()).isEqualTo(employee.nip());
    assertThat(
            http.withBasicAuth(employee.username(), "demo")
                .getForObject("/api/coaching/assigned-to-me", JsonNode.class))
        .isEmpty();
  }

  private long start(Person employee, Person rater) {
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater == null ? null : rater.username());
    variables.put("reason", "GAP");
    return engine.startProcess("coaching", variables);
  }

  private Assignment awaitStatus(long instance, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> records.byInstance(instance).filter(a -> a.status().equals(status)),
            Optional::isPresent)
        .orElseThrow();
  }

  static Viewer as(Person person) {
    return new Viewer(person.username(), List.of("PEGAWAI"));
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
}
