package id.kinerja.document;

import id.kinerja.document.Documents.Verification;
import id.kinerja.document.Documents.Verification.State;
import id.kinerja.platform.PublicRateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page of documents (no sign-in): what the document states and whether it
 * is still current, and nothing more. Rate-limited per client like the public feedback page.
 */
@Controller
class VerificationPage {

  static final String PURPOSE = "verify";

  private final Documents documents;
  private final PublicRateLimit rateLimit;
  private final DocumentProperties properties;
  private final DocumentText text;

  VerificationPage(
      Documents documents,
      PublicRateLimit rateLimit,
      DocumentProperties properties,
      DocumentText text) {
    this.documents = documents;
    this.rateLimit = rateLimit;
    this.properties = properties;
    this.text = text;
  }

  /** One line of what the document states. */
  record Fact(String label, String value) {}

  /** The form to type a code printed on a document. */
  @GetMapping("/verify")
  String form(@RequestParam(required = false) String code) {
    return code == null || code.isBlank()
        ? "document/verify"
        : "redirect:/verify/" + code.strip().replaceAll("[^A-Za-z0-9-]", "");
  }

  @GetMapping("/verify/{code}")
  String verify(
      @PathVariable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    var limit = properties.verification();
    if (!rateLimit.admit(
        PURPOSE, PublicRateLimit.clientHash(request), limit.limit(), limit.window())) {
      response.setStatus(429);
      model.addAttribute("state", "LIMITED");
      return "document/verify";
    }
    Verification verification = documents.verify(code);
    if (verification.state() == State.UNKNOWN || verification.state() == State.ALTERED) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    model.addAttribute("state", verification.state().name());
    model.addAttribute("code", code);
    if (verification.number() != null) {
      model.addAttribute("number", verification.number());
      model.addAttribute("kind", text.label("document.kind.", verification.kind().name(), locale));
      model.addAttribute(
          "issuedAt", DocumentText.dateTime(verification.issuedAt(), verification.zone(), locale));
      model.addAttribute("facts", facts(verification, locale));
      model.addAttribute("newerNumber", verification.newerNumber());
      model.addAttribute(
          "appealDecidedAt",
          verification.appealDecidedAt() == null
              ? null
              : DocumentText.date(verification.appealDecidedAt(), verification.zone(), locale));
    }
    return "document/verify";
  }

  private List<Fact> facts(Verification verification, Locale locale) {
    var facts = new ArrayList<Fact>();
    verification
        .statement()
        .forEach(
            (key, value) -> {
              if (value != null) {
                facts.add(
                    new Fact(
                        text.label("document.fact." + key, locale),
                        show(key, value, verification.zone(), locale)));
              }
            });
    return facts;
  }

  private String show(String key, Object value, ZoneId zone, Locale locale) {
    String v = String.valueOf(value);
    return switch (key) {
      case "employeeNip" -> DocumentText.nip(v);
      case "period" -> text.label("document.period.", v, locale);
      case "status" -> text.label("document.skpStatus.", v, locale);
      case "approvedAt" -> DocumentText.date(Instant.parse(v), zone, locale);
      case "unitPredikat" -> text.label("label.unitPredikat.", v, locale);
      case "ratingHasilKerja", "ratingPerilaku" -> text.label("document.rating.", v, locale);
      case "predikat" -> text.label("label.predikat.", v, locale);
      case "appealStatus" -> text.label("document.appealStatus.", v, locale);
      default -> v;
    };
  }
}
