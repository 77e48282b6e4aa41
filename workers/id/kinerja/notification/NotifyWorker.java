package id.kinerja.notification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service tasks of type {@code kinerja-notify}: variables {@code notificationType}, {@code
 * recipientUsername} or {@code recipientUsernames}, optional {@code link}; all other variables are
 * the template model. Reminders and escalations are BPMN timers leading to such a task.
 *
 * <p>The outbox row is committed before the job is completed. If completing fails or the worker
 * dies in between, the job is delivered again and the event key (process instance + element
 * instance) makes the second enqueue a no-op.
 */
@Component
public class NotifyWorker {

  private static final Logger log = LoggerFactory.getLogger(NotifyWorker.class);

  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final NotificationJobs jobs;

  NotifyWorker(NotificationJobs jobs) {
    this.jobs = jobs;
  }

  @JobWorker(type = NotificationJobs.JOB_TYPE, autoComplete = false, fetchAllVariables = true)
  public void handle(JobClient client, ActivatedJob job) {
    try {
      jobs.enqueue(
          job.getProcessInstanceKey(), job.getElementInstanceKey(), job.getVariablesAsMap());
    } catch (InvalidNotificationException e) {
      // a modelling error: retrying cannot help, so raise an incident the process owner can read
      client.newFailCommand(job).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    } catch (RuntimeException e) {
      log.warn("kinerja-notify job {} failed, will retry", job.getKey(), e);
      client
          .newFailCommand(job)
          .retries(Math.max(job.getRetries() - 1, 0))
          .errorMessage("Could not enqueue the notification: " + e.getMessage())
          // e.g. the database is briefly away: give it time instead of burning the retries
          .retryBackoff(RETRY_BACKOFF)
          .send()
          .join();
      return;
    }
    client.newCompleteCommand(job).send().join();
  }
}
