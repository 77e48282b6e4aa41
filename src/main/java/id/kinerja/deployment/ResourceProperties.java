package id.kinerja.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where process owners keep BPMN/DMN ({@code processesDir}) and forms ({@code formsDir}), and how
 * often the application looks for changes.
 */
@ConfigurationProperties("kinerja.resources")
public record ResourceProperties(
    Path processesDir, Path formsDir, Duration pollInterval, Set<String> externalJobTypes) {}
