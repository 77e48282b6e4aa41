package id.kinerja.planning;

import static id.kinerja.support.ProcessFiles.complete;
import static id.kinerja.support.ProcessFiles.userTask;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.support.ProcessFiles;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** processes/skp-planning.bpmn with its forms, on the real Zeebe engine in memory. */
@ZeebeProcessTest
class SkpPlanningProcessTest {

  private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  ZeebeTestEngine engine;
  ZeebeClient client;
  int periodYear = LocalDate.now(WITA).getYear() + 1;

  @BeforeEach
  void deploy() {
    ProcessFiles.deploy(client, "skp-planning.bpmn", "skp-draft.form", "skp-review.form");
  }

  @Test
  void theRaterApprovesTheFirstDraft() throws Exception {
    ProcessInstanceEvent instance = start();

    ActivatedJob draft = userTask(client, "draft-skp");
    assertThat(draft.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "pegawai1")
        .containsEntry("io.camunda.zeebe:dueDate", periodYear + "-01-31T23:59:59+08:00")
        .containsKey("io.camunda.zeebe:formKey");
    complete(client, draft, Map.of("approach", "KUANTITATIF"));
    idle();

    ActivatedJob review = userTask(client, "review-skp");
    assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "atasan1");
    complete(client, review, Map.of("decision", "APPROVE"));
    idle();

    assertThat(instance).hasPassedElement("skp-approved").isCompleted();
  }

  @Test
  void aReturnedDraftGoesBackToTheEmployeeWithTheNotesUntilApproved() throws Exception {
    ProcessInstanceEvent instance = start();
    complete(client, userTask(client, "draft-skp"), Map.of("approach", "KUANTITATIF"));
    idle();

    for (String notes : new String[] {"Target belum terukur", "Tambahkan RHK tambahan"}) {
      complete(
          client,
          userTask(client, "review-skp"),
          Map.of("decision", "RETURN", "reviewNotes", notes));
      idle();
      ActivatedJob again = userTask(client, "draft-skp");
      assertThat(again.getVariablesAsMap()).containsEntry("reviewNotes", notes);
      complete(client, again, Map.of());
      idle();
    }
    complete(client, userTask(client, "review-skp"), Map.of("decision", "APPROVE"));
    idle();

    assertThat(instance)
        .hasPassedElement("draft-skp", 3)
        .hasPassedElement("review-skp", 3)
        .isCompleted();
  }

  @Test
  void nothingDraftedByTheSecondWeekOfJanuaryGoesToThePengelolaKinerja() throws Exception {
    ProcessInstanceEvent instance = start();
    userTask(client, "draft-skp"); // open, but the employee does nothing

    var secondWeek = ZonedDateTime.of(periodYear, 1, 8, 0, 0, 0, 0, WITA);
    engine.increaseTime(Duration.between(ZonedDateTime.now(WITA), secondWeek).plusHours(1));
    idle();

    ActivatedJob officer = userTask(client, "draft-skp-by-officer");
    assertThat(officer.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"PENGELOLA_KINERJA\"]");
    complete(client, officer, Map.of("approach", "KUANTITATIF"));
    idle();
    complete(client, userTask(client, "review-skp"), Map.of("decision", "APPROVE"));
    idle();

    assertThat(instance).hasPassedElement("draft-overdue").isCompleted();
  }

  private ProcessInstanceEvent start() throws InterruptedException, TimeoutException {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skp-planning")
            .latestVersion()
            .variables(
                Map.of(
                    "employeeUsername",
                    "pegawai1",
                    "raterUsername",
                    "atasan1",
                    "periodYear",
                    periodYear))
            .send()
            .join();
    idle();
    return instance;
  }

  private void idle() throws InterruptedException, TimeoutException {
    engine.waitForIdleState(Duration.ofSeconds(5));
  }
}
