package id.kinerja.tasklist;

import id.kinerja.identity.Role;
import id.kinerja.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks")
class EvidenceController {

  private final TaskEvidence evidence;
  private final Organisation organisation;

  EvidenceController(TaskEvidence evidence, Organisation organisation) {
    this.evidence = evidence;
    this.organisation = organisation;
  }

  @GetMapping("/api/evidence/{id}")
  @Operation(
      summary = "Download an evidence file",
      description =
          "For the uploader, the employee it concerns, their rater and the rater's superior, the"
              + " Pengelola Kinerja and admins. Always a download, never shown inline.")
  ResponseEntity<byte[]> download(@PathVariable UUID id, Authentication auth) {
    TaskEvidence.StoredFile file = evidence.find(id).orElseThrow(TaskProblem::evidenceNotFound);
    if (!maySee(file, auth)) {
      throw TaskProblem.evidenceForbidden();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  private boolean maySee(TaskEvidence.StoredFile file, Authentication auth) {
    return auth.getName().equals(file.uploadedBy())
        || Role.isOfficer(auth)
        || (file.employeeNip() != null
            && organisation
                .byNip(file.employeeNip())
                .map(e -> organisation.concerns(e, auth.getName()))
                .orElse(false));
  }
}
