package id.kinerja.document;

import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords;
import id.kinerja.review.Evaluations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Documents", description = "The SKP and the Dokumen Evaluasi Kinerja Pegawai as PDF")
class DocumentController {

  private final Documents documents;
  private final Organisation organisation;
  private final SkpRecords skps;
  private final Evaluations evaluations;

  DocumentController(
      Documents documents, Organisation organisation, SkpRecords skps, Evaluations evaluations) {
    this.documents = documents;
    this.organisation = organisation;
    this.skps = skps;
    this.evaluations = evaluations;
  }

  @GetMapping("/api/skp/{id}/document.pdf")
  @Operation(
      summary = "The SKP as a PDF document, with its number and verification code (also as QR)",
      description =
          "For the employee, the rater, the rater's superior and the officers of the agency; 403"
              + " for anyone else, 404 for an unknown SKP. In the caller's language.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
  ResponseEntity<byte[]> skp(@PathVariable long id, Authentication auth, Locale locale) {
    return pdf(documents.skp(id, auth, locale));
  }

  @GetMapping("/api/evaluations/{id}/document.pdf")
  @Operation(
      summary = "The Dokumen Evaluasi Kinerja Pegawai of an evaluation (Triwulan I-IV, Akhir)",
      description =
          "Capaian per indicator, both ratings, the predikat, notes and the appeal with the"
              + " explanation and decision. For the employee (once delivered), the rater, the"
              + " rater's superior and the officers of the agency; 403 otherwise, 404 when unknown.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
  ResponseEntity<byte[]> evaluation(@PathVariable long id, Authentication auth, Locale locale) {
    return pdf(documents.evaluation(id, auth, locale));
  }

  /** A document of a person's records, with the link that downloads it. */
  record DocumentLink(String kind, long id, int year, String period, String status, String url) {}

  record TeamDocuments(String nip, String name, List<DocumentLink> documents) {}

  @GetMapping(path = "/api/team/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('PENILAI')")
  @Operation(summary = "The documents of the people I rate: their SKPs and evaluations")
  List<TeamDocuments> team(Authentication auth) {
    Employee rater = organisation.byUsername(auth.getName()).orElseThrow();
    return organisation.subordinates(rater).stream()
        .map(e -> new TeamDocuments(e.nip(), e.name(), links(e, false)))
        .toList();
  }

  @GetMapping(path = "/api/my/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My documents: my SKPs and my delivered evaluations")
  List<DocumentLink> mine(Authentication auth) {
    return organisation.byUsername(auth.getName()).map(e -> links(e, true)).orElse(List.of());
  }

  private List<DocumentLink> links(Employee employee, boolean deliveredOnly) {
    var links = new ArrayList<DocumentLink>();
    for (SkpRecords.Skp skp : skps.ofEmployee(employee.nip())) {
      links.add(
          new DocumentLink(
              "SKP",
              skp.id(),
              skp.periodYear(),
              null,
              skp.status(),
              "/api/skp/" + skp.id() + "/document.pdf"));
    }
    for (Evaluations.Evaluation ev : evaluations.ofEmployee(employee.nip())) {
      if (!deliveredOnly || "DELIVERED".equals(ev.status())) {
        links.add(
            new DocumentLink(
                "EVALUATION",
                ev.id(),
                ev.periodYear(),
                ev.period(),
                ev.status(),
                "/api/evaluations/" + ev.id() + "/document.pdf"));
      }
    }
    return links;
  }

  private static ResponseEntity<byte[]> pdf(Documents.Pdf pdf) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.attachment().filename(pdf.fileName()).build());
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(pdf.content(), headers, HttpStatus.OK);
  }
}
