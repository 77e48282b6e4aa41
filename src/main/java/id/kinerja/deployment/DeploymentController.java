package id.kinerja.deployment;

import id.kinerja.deployment.DeploymentRecords.DefinitionVersion;
import id.kinerja.deployment.DeploymentRecords.Source;
import id.kinerja.deployment.ProcessDeployer.Outcome;
import id.kinerja.deployment.ProcessDeployer.Status;
import id.kinerja.engine.Engine.DefinitionKind;
import id.kinerja.platform.InertDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Deployed definitions and the deployment history, and uploads by process owners. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Processes", description = "Deployed BPMN processes, DMN decisions and forms")
@PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN', 'PENGELOLA_KINERJA')")
class DeploymentController {

  private final DeploymentRecords records;
  private final DeploymentUploads uploads;
  private final ProblemMessages problemMessages;
  private final JobTypeRegistry jobTypeRegistry;

  DeploymentController(
      DeploymentRecords records,
      DeploymentUploads uploads,
      ProblemMessages problemMessages,
      JobTypeRegistry jobTypeRegistry) {
    this.records = records;
    this.uploads = uploads;
    this.problemMessages = problemMessages;
    this.jobTypeRegistry = jobTypeRegistry;
  }

  record Definition(String id, int latestVersion, List<Version> versions) {}

  /** {@code waitingInstances}: instances of this version with a human task open right now. */
  record Version(
      int version,
      long key,
      String resourceName,
      String checksum,
      Instant deployedAt,
      String deployedBy,
      long waitingInstances) {}

  record DeploymentView(
      long id,
      Source source,
      String deployedBy,
      Instant deployedAt,
      String outcome,
      Long deploymentKey,
      List<DeploymentRecords.ResourceRow> resources,
      List<ProblemMessages.Message> problems) {}

  record UploadResult(
      Status status,
      Long deploymentId,
      List<id.kinerja.engine.Engine.DeployedDefinition> definitions,
      List<ProblemMessages.Message> problems) {}

  @GetMapping("/process-definitions")
  @Operation(summary = "Every deployed BPMN process with its latest version and all versions")
  List<Definition> processDefinitions() {
    return definitions(DefinitionKind.BPMN);
  }

  @GetMapping("/decision-definitions")
  @Operation(summary = "Every deployed DMN decision with its versions")
  List<Definition> decisionDefinitions() {
    return definitions(DefinitionKind.DMN);
  }

  @GetMapping("/form-definitions")
  @Operation(summary = "Every deployed form with its versions")
  List<Definition> formDefinitions() {
    return definitions(DefinitionKind.FORM);
  }

  @GetMapping(
      path = "/process-definitions/{id}/versions/{version}/xml",
      produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "The BPMN XML of one process version")
  ResponseEntity<String> processXml(@PathVariable String id, @PathVariable int version) {
    return InertDocument.xml(
        records
            .content(DefinitionKind.BPMN, id, version)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
        id + "-v" + version + ".bpmn");
  }

  @GetMapping("/job-types")
  @Operation(summary = "The job types some worker handles: service tasks may use only these")
  Set<String> jobTypes() {
    return jobTypeRegistry.jobTypes();
  }

  @GetMapping("/deployments")
  @Operation(summary = "Deployment history, newest first, with outcomes and reasons for failures")
  List<DeploymentView> deployments(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Locale locale) {
    return records.history(Math.max(page, 0), Math.clamp(size, 1, 200)).stream()
        .map(
            row ->
                new DeploymentView(
                    row.id(),
                    row.source(),
                    row.deployedBy(),
                    row.deployedAt(),
                    row.deployed() ? "DEPLOYED" : "FAILED",
                    row.deploymentKey(),
                    row.resources(),
                    problemMessages.describe(row.problems(), locale)))
        .toList();
  }

  @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('PROCESS_OWNER')")
  @Operation(
      summary = "Validate and deploy BPMN, DMN and form files together (all or nothing)",
      description =
          "201 when deployed, 200 when identical to what runs already, 422 with the reasons when refused.")
  ResponseEntity<UploadResult> upload(
      @RequestPart("files") List<MultipartFile> files, Principal principal, Locale locale) {
    var resources = new ArrayList<ProcessResource>();
    for (MultipartFile file : files) {
      resources.add(uploads.resourceOf(file.getOriginalFilename(), bytes(file)));
    }
    Outcome outcome = uploads.deploy(resources, principal.getName());
    var result =
        new UploadResult(
            outcome.status(),
            outcome.deploymentId(),
            outcome.definitions(),
            problemMessages.describe(outcome.problems(), locale));
    HttpStatus status =
        switch (outcome.status()) {
          case DEPLOYED -> HttpStatus.CREATED;
          case UNCHANGED -> HttpStatus.OK;
          case FAILED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    return ResponseEntity.status(status).body(result);
  }

  private List<Definition> definitions(DefinitionKind kind) {
    Map<Long, Long> waiting = kind == DefinitionKind.BPMN ? records.waitingInstances() : Map.of();
    return records.versions(kind).entrySet().stream()
        .map(
            e ->
                new Definition(
                    e.getKey(),
                    e.getValue().getFirst().version(),
                    e.getValue().stream()
                        .map(v -> version(v, waiting.getOrDefault(v.key(), 0L)))
                        .toList()))
        .toList();
  }

  private static Version version(DefinitionVersion v, long waiting) {
    return new Version(
        v.version(),
        v.key(),
        v.resourceName(),
        v.checksum(),
        v.deployedAt(),
        v.deployedBy(),
        waiting);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
