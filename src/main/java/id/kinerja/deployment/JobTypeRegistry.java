package id.kinerja.deployment;

import io.camunda.client.annotation.JobWorker;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The job types some worker handles: every {@code @JobWorker} of this application, plus types
 * served by workers outside it (kinerja.resources.external-job-types). A process whose service task
 * names any other type would create jobs nobody ever takes, so its deployment is refused.
 */
@Component
public class JobTypeRegistry implements SmartInitializingSingleton {

  private final ApplicationContext context;
  private final Set<String> types = new TreeSet<>();

  JobTypeRegistry(
      ApplicationContext context,
      @Value("${kinerja.resources.external-job-types:}") Set<String> externalJobTypes) {
    this.context = context;
    externalJobTypes.stream().filter(t -> !t.isBlank()).forEach(types::add);
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
}
