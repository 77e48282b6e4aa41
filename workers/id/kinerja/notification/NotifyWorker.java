package id.kinerja.notification;

import id.kinerja.engine.JobInput;
import id.kinerja.engine.Jobs;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Service tasks of type {@code kinerja-notify}: variables {@code notificationType}, {@code
 * recipientUsername}, {@code recipientUsernames} or {@code recipientGroup}, optional {@code link};
 * all other variables are the template model. Reminders and escalations are BPMN timers leading to
 * such a task.
 *
 * <p>The outbox row is committed before the job is completed. If completing fails or the worker
 * dies in between, the job is delivered again and the event key (process instance + element
 * instance) makes the second enqueue a no-op. A modelling error (unknown type or recipient) becomes
 * an incident the process owner can read; anything else is retried.
 */
@Component
public class NotifyWorker {

  private final Jobs jobs;
  private final NotificationJobs notifications;

  NotifyWorker(Jobs jobs, NotificationJobs notifications) {
    this.jobs = jobs;
    this.notifications = notifications;
  }

  @JobWorker(type = NotificationJobs.JOB_TYPE, autoComplete = false, fetchAllVariables = true)
  public void handle(JobClient client, ActivatedJob job) {
    jobs.handle(
        client,
        job,
        input -> {
          try {
            notifications.enqueue(
                job.getProcessInstanceKey(), job.getElementInstanceKey(), input.all());
          } catch (InvalidNotificationException e) {
            throw JobInput.unusable(e.getMessage());
          }
          return Map.of();
        });
  }
}
