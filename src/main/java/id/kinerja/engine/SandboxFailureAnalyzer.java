package id.kinerja.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a sandbox that cannot start into Spring Boot's short "APPLICATION FAILED TO START". */
class SandboxFailureAnalyzer extends AbstractFailureAnalyzer<SandboxUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SandboxUnavailableException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
