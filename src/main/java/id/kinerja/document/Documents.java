package id.kinerja.document;

import id.kinerja.access.RecordAccess;
import id.kinerja.document.DocumentSubject.Kind;
import id.kinerja.document.IssuedDocuments.Issued;
import id.kinerja.organisation.AgencyTime;
import id.kinerja.platform.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Issues and renders the documents of a person's records to those who may read them: the employee,
 * the rater, the rater's superior and officers of the agency ({@link RecordAccess}).
 */
@Service
class Documents {

  private final AgencyTime time;

  private final SkpDocuments skps;
  private final EvaluationDocuments evaluations;
  private final IssuedDocuments issued;
  private final PdfRenderer renderer;
  private final RecordAccess access;
  private final String publicUrl;

  Documents(
      SkpDocuments skps,
      EvaluationDocuments evaluations,
      IssuedDocuments issued,
      PdfRenderer renderer,
      RecordAccess access,
      AgencyTime time,
      @Value("${kinerja.public-url}") String publicUrl) {
    this.time = time;
    this.skps = skps;
    this.evaluations = evaluations;
    this.issued = issued;
    this.renderer = renderer;
    this.access = access;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  record Pdf(String fileName, byte[] content) {}

  /** A refused document request, in the caller's language. */
  static class DocumentRefused extends Refusal {
    DocumentRefused(HttpStatus status, String code, Object... arguments) {
      super(status, code, arguments);
    }
  }

  Pdf skp(long skpId, Authentication auth, Locale locale) {
    DocumentSubject subject =
        skps.subject(skpId)
            .orElseThrow(
                () ->
                    new DocumentRefused(
                        HttpStatus.NOT_FOUND, "document.error.skpNotFound", String.valueOf(skpId)));
    requireReader(subject, auth);
    return render(
        subject, auth, locale, "SKP-%d-%s.pdf".formatted(subject.year(), subject.employee().nip()));
  }

  Pdf evaluation(long evaluationId, Authentication auth, Locale locale) {
    DocumentSubject subject =
        evaluations
            .subject(evaluationId)
            .orElseThrow(
                () ->
                    new DocumentRefused(
                        HttpStatus.NOT_FOUND,
                        "document.error.evaluationNotFound",
                        String.valueOf(evaluationId)));
    requireReader(subject, auth);
    boolean own = auth.getName().equals(subject.employee().username());
    if (own && !"DELIVERED".equals(subject.substance().get("status"))) {
      // the employee sees the result once it is delivered to them, not while it may still change
      throw new DocumentRefused(
          HttpStatus.CONFLICT, "document.error.notDelivered", String.valueOf(evaluationId));
    }
    return render(
        subject,
        auth,
        locale,
        "Evaluasi-%d-%s-%s.pdf"
            .formatted(
                subject.year(), subject.substance().get("period"), subject.employee().nip()));
  }

  private void requireReader(DocumentSubject subject, Authentication auth) {
    if (!access.mayRead(subject.employee(), auth, subject.recordedPeople())) {
      throw new DocumentRefused(
          HttpStatus.FORBIDDEN, "document.error.forbidden", subject.employee().name());
    }
  }

  private Pdf render(DocumentSubject subject, Authentication auth, Locale locale, String name) {
    Issued document = issued.issue(subject, auth.getName());
    var model = new LinkedHashMap<>(subject.model().apply(locale));
    String code = VerificationCodes.display(document.code());
    String link = publicUrl + "/verify/" + document.code();
    model.put("documentNumber", document.number());
    model.put("verificationCode", code);
    model.put("verificationUrl", link);
    model.put("qrCode", QrCodes.pngDataUri(link));
    model.put(
        "issuedAt",
        DocumentText.dateTime(document.issuedAt(), time.zoneOf(subject.employee()), locale));
    return new Pdf(name, renderer.render(subject.kind().template, model, locale));
  }

  /** What a verification code stands for now. */
  Verification verify(String input) {
    return switch (VerificationCodes.form(input)) {
      case MALFORMED, ALTERED -> Verification.of(Verification.State.ALTERED);
      case VALID -> {
        Optional<Issued> found = issued.byCode(VerificationCodes.normalise(input).orElseThrow());
        if (found.isEmpty()) {
          yield Verification.of(Verification.State.UNKNOWN);
        }
        yield verify(found.get());
      }
    };
  }

  private Verification verify(Issued document) {
    Optional<DocumentSubject> now =
        document.kind() == Kind.SKP
            ? skps.subject(document.subjectId())
            : evaluations.subject(document.subjectId());
    Issued latest = issued.latest(document.kind(), document.subjectId()).orElse(document);
    boolean current =
        now.isPresent()
            && issued.fingerprint(now.get()).equals(document.fingerprint())
            && latest.id() == document.id();
    String newer = latest.id() == document.id() ? null : latest.number();
    var appealDecided =
        document.kind() == Kind.EVALUATION
            ? evaluations
                .appealDecidedAt(document.subjectId())
                .filter(at -> at.isAfter(document.issuedAt()))
            : Optional.<Instant>empty();
    return new Verification(
        current ? Verification.State.CURRENT : Verification.State.SUPERSEDED,
        document.kind(),
        document.number(),
        document.issuedAt(),
        new LinkedHashMap<>(document.statement()),
        newer,
        appealDecided.orElse(null),
        now.map(subject -> time.zoneOf(subject.employee())).orElse(time.defaultZone()));
  }

  /** The verification of a code, before labels: the page writes it in the reader's language. */
  record Verification(
      State state,
      Kind kind,
      String number,
      Instant issuedAt,
      Map<String, Object> statement,
      String newerNumber,
      Instant appealDecidedAt,
      ZoneId zone) {

    enum State {
      CURRENT,
      SUPERSEDED,
      ALTERED,
      UNKNOWN
    }

    static Verification of(State state) {
      return new Verification(state, null, null, null, Map.of(), null, null, null);
    }
  }
}
