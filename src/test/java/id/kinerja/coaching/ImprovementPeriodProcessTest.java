package id.kinerja.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.engine.Engine;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/improvement-period.bpmn with its forms and workers. The six months of the default
 * period pass on the sandbox engine (PerformanceYearOnSandboxTest); here the period is a minute.
 */
class ImprovementPeriodProcessTest extends IntegrationTest {

  @Autowired Engine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired ContextEngine contextEngine;
  @Autowired ImprovementPeriods periods;

  @Test
  void coachingStartsAtOnceAndTheRaterJudgesTheOutcomeWhenThePeriodEnds() {
    var agency = new TestAgency(jdbc);
    Person rater = agency.person("penilai", "IV/a", null);
    Person employee = agency.person("pegawai", "III/a", rater);
    var variables = new HashMap<String, Object>();
    variables.put("employeeNip", employee.nip());
    variables.put("employeeName", "Pegawai uji");
    variables.put("employeeUsername", employee.username());
    variables.put("raterUsername", rater.username());
    variables.put("periodYear", 2031);
    variables.put("finalPredikat", "KURANG_MISCONDUCT");
    variables.put("improvementPeriod", "PT1M");
    long instance = engine.startProcess("improvement-period", variables);

    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> !periods.ofEmployee(employee.nip()).isEmpty());
    assertThat(periods.ofEmployee(employee.nip()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.predikat()).isEqualTo("KURANG_MISCONDUCT");
              assertThat(p.outcome()).isNull();
            });
    assertThat(
            jdbc.sql("select reason from coaching_request where employee_nip = :nip")
                .param("nip", employee.nip())
                .query(String.class)
                .list())
        .containsExactly("IMPROVEMENT_PERIOD");

    contextEngine.advance(Duration.ofMinutes(2));
    new People(store, tasks)
        .complete(
            new Viewer(rater.username(), List.of("PEGAWAI")),
            instance,
            "review-improvement",
            Map.of(
                "improvementOutcome",
                "IMPROVED",
                "improvementNotes",
                "Waktu layanan kini di bawah 10 hari kerja."));

    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> TestAgency.reached(contextEngine, instance, "improvement-done"));
    assertThat(periods.ofEmployee(employee.nip()))
        .singleElement()
        .satisfies(p -> assertThat(p.outcome()).isEqualTo("IMPROVED"));
  }
}
