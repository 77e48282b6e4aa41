package id.kinerja.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.engine.Engine;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow.Viewer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.filters.JobRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * No task hidden for long after a crash: an instance takes a human task from the engine and dies
 * before storing it. The engine holds it for that instance only for the tasklist's short activation
 * timeout (5 s in tests, 2 min by default), not for the 30-day reservation, so another instance
 * collects it then; once stored it is reserved for the tasklist.
 */
class TaskLossTest extends IntegrationTest {

  @Autowired TaskCollector collector;
  @Autowired CamundaClient client;
  @Autowired Engine engine;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired ContextEngine records;

  @Value("${kinerja.tasklist.activation-timeout}")
  Duration activationTimeout;

  @Test
  void aTaskTakenByAnInstanceThatDiedComesBackAfterTheActivationTimeout() throws Exception {
    Viewer employee = People.person("loss", "PEGAWAI");
    collector.destroy(); // this instance stops collecting; the dead one takes the next task
    long instance;
    List<ActivatedJob> taken;
    Instant takenAt;
    try {
      instance =
          engine.startProcess(
              "skp-planning",
              Map.of(
                  "employeeUsername",
                  employee.username(),
                  "raterUsername",
                  "atasan1",
                  "periodYear",
                  2042,
                  "employeeNip",
                  "199001152015031001"));
      // the dying instance: activates the task as the tasklist's worker does, then is gone
      taken =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      client
                          .newActivateJobsCommand()
                          .jobType("io.camunda.zeebe:userTask")
                          .maxJobsToActivate(100)
                          .timeout(activationTimeout)
                          .send()
                          .join()
                          .getJobs()
                          .stream()
                          .filter(job -> job.getProcessInstanceKey() == instance)
                          .toList(),
                  jobs -> !jobs.isEmpty());
      takenAt = Instant.now();
    } finally {
      collector.start();
    }
    long jobKey = taken.getFirst().getKey();

    var people = new People(store, tasks);
    TaskRow task = people.awaitTask(employee, instance, "draft-skp");
    Duration hidden = Duration.between(takenAt, Instant.now());
    assertThat(task.key()).isEqualTo(jobKey);
    assertThat(hidden).isGreaterThanOrEqualTo(activationTimeout.minusMillis(500));
    // the engine looks for timed-out jobs now and then, so a few seconds more, never the
    // reservation
    assertThat(hidden).isLessThan(activationTimeout.plusSeconds(35));
    System.out.printf(
        "TaskLossTest: the task was hidden %d ms after the crash%n", hidden.toMillis());

    // stored: the engine now holds it for the tasklist's reservation
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                new JobRecordStreamFilter(RecordStream.of(records.records()).jobRecords())
                    .withKey(jobKey).withIntent(JobIntent.TIMEOUT_UPDATED).stream()
                        .findAny()
                        .isPresent());
    assertThat(people.openTasks(employee, instance, "draft-skp")).hasSize(1);
  }
}
