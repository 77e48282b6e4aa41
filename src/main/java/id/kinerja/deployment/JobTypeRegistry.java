package id.kinerja.deployment;

import id.kinerja.deployment.ResourceProperties.ProcessRights;
import io.camunda.client.annotation.JobWorker;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The job types some worker handles: every {@code @JobWorker} of this application, plus types
 * served by workers outside it (kinerja.resources.external-job-types). A process whose service task
 * names any other type would create jobs nobody ever takes, so its deployment is refused. Which of
 * them a process may use, and which processes it may call, is granted per process id in
 * configuration (kinerja.resources.process-rights): an uploaded process cannot decide appeals, set
 * ratings or send mail as the system unless an administrator granted its id that.
 */
@Component
public class JobTypeRegistry implements SmartInitializingSingleton {

  static final String EVERY_PROCESS = "*";

  private final ApplicationContext context;
  private final Set<String> types = new TreeSet<>();
  private final Map<String, ProcessRights> rights;

  JobTypeRegistry(ApplicationContext context, ResourceProperties properties) {
    this.context = context;
    properties.externalJobTypes().stream().filter(t -> !t.isBlank()).forEach(types::add);
    this.rights = properties.processRights();
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name, false);
      if (type == null) {
        continue;
      }
      ReflectionUtils.doWithMethods(
          ClassUtils.getUserClass(type),
          method -> {
            JobWorker worker = AnnotatedElementUtils.findMergedAnnotation(method, JobWorker.class);
            if (worker != null) {
              types.add(worker.type().isBlank() ? method.getName() : worker.type());
            }
          });
    }
  }

  public Set<String> jobTypes() {
    return Collections.unmodifiableSet(types);
  }

  /** Whether service tasks of the process may use the job type. */
  public boolean mayUse(String processId, String jobType) {
    return granted(processId).anyMatch(r -> r.jobTypes().contains(jobType));
  }

  /** Whether the process may call the other as a call activity. */
  public boolean mayCall(String processId, String calledProcessId) {
    return granted(processId).anyMatch(r -> r.calls().contains(calledProcessId));
  }

  /** The job types granted to the process, for the reason given when one is refused. */
  public Set<String> grantedJobTypes(String processId) {
    var granted = new TreeSet<String>();
    granted(processId).forEach(r -> granted.addAll(r.jobTypes()));
    return granted;
  }

  private Stream<ProcessRights> granted(String processId) {
    return Stream.of(rights.get(processId), rights.get(EVERY_PROCESS)).filter(Objects::nonNull);
  }
}
