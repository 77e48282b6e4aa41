package id.kinerja.support;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Deploys the real files of processes/ and forms/ and drives their user tasks in process tests. */
public final class ProcessFiles {

  public static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";

  private ProcessFiles() {}

  public static void deploy(ZeebeClient client, String... files) {
    var command = client.newDeployResourceCommand().addResourceFile(path(files[0]));
    for (int i = 1; i < files.length; i++) {
      command = command.addResourceFile(path(files[i]));
    }
    command.send().join();
  }

  private static String path(String file) {
    return Path.of(file.endsWith(".form") ? "forms" : "processes", file).toString();
  }

  /** The one open user task of the given element, as the tasklist would collect it. */
  public static ActivatedJob userTask(ZeebeClient client, String elementId) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(USER_TASK_JOB)
            .maxJobsToActivate(50)
            .timeout(Duration.ofSeconds(1))
            .send()
            .join()
            .getJobs();
    List<ActivatedJob> matching =
        jobs.stream().filter(j -> j.getElementId().equals(elementId)).toList();
    jobs.stream()
        .filter(j -> !j.getElementId().equals(elementId))
        .forEach(j -> client.newFailCommand(j).retries(j.getRetries()).send().join());
    if (matching.size() != 1) {
      throw new AssertionError(
          "Expected one open task "
              + elementId
              + " but found "
              + matching.size()
              + " among "
              + jobs);
    }
    return matching.getFirst();
  }

  public static void complete(
      ZeebeClient client, ActivatedJob task, Map<String, Object> variables) {
    client.newCompleteCommand(task).variables(variables).send().join();
  }
}
