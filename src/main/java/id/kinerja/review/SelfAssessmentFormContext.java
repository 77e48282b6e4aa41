package id.kinerja.review;

import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.platform.Labels;
import id.kinerja.review.SelfAssessments.SelfAssessment;
import id.kinerja.tasklist.FormContext;
import id.kinerja.tasklist.TaskRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The self-assessment on its two forms. The employee's form (self-assessment) gets {@code
 * selfResults}: one row {rhk} per RHK of their approved SKP of the year, which the form's list
 * shows read-only beside the self-rating. The rater's form (rating) gets {@code selfAssessment}:
 * {status (a sentence), submitted, results [{rhk, rating, note}], behaviour [{name, rating}],
 * narrative}, in the reader's words.
 */
@Component
class SelfAssessmentFormContext implements FormContext {

  private static final String FORM = "self-assessment";
  private static final String SELF_ASSESS_TASK = "self-assess";
  private static final String RATING_FORM = "rating";

  private final SelfAssessments selfAssessments;
  private final BerAkhlak berAkhlak;
  private final Labels labels;
  private final MessageSource messages;

  SelfAssessmentFormContext(
      SelfAssessments selfAssessments, BerAkhlak berAkhlak, Labels labels, MessageSource messages) {
    this.selfAssessments = selfAssessments;
    this.berAkhlak = berAkhlak;
    this.labels = labels;
    this.messages = messages;
  }

  @Override
  public boolean appliesTo(String formId) {
    return FORM.equals(formId) || RATING_FORM.equals(formId);
  }

  @Override
  public Map<String, Object> of(TaskRow task, Locale locale) {
    if (SELF_ASSESS_TASK.equals(task.elementId())) {
      return Map.of(
          "selfResults",
          selfAssessments.rhkOf(task.employeeNip(), task.periodYear()).stream()
              .map(rhk -> Map.<String, Object>of("rhk", rhk))
              .toList());
    }
    return Map.of("selfAssessment", view(evaluationId(task), locale));
  }

  private Map<String, Object> view(Long evaluationId, Locale locale) {
    Optional<SelfAssessment> found =
        evaluationId == null ? Optional.empty() : selfAssessments.of(evaluationId);
    var view = new LinkedHashMap<String, Object>();
    view.put("submitted", found.map(SelfAssessment::submitted).orElse(false));
    view.put(
        "status",
        messages.getMessage(
            found
                .map(s -> s.submitted() ? "selfAssessment.submitted" : "selfAssessment.missing")
                .orElse("selfAssessment.none"),
            null,
            locale));
    SelfAssessment assessment = found.orElse(null);
    view.put(
        "results",
        assessment == null
            ? List.of()
            : assessment.results().stream()
                .map(
                    r -> {
                      var row = new LinkedHashMap<String, Object>();
                      row.put("rhk", r.get("rhk"));
                      row.put("rating", rating(r.get("rating"), locale));
                      row.put("note", r.get("note") == null ? "" : r.get("note"));
                      return row;
                    })
                .toList());
    view.put(
        "behaviour",
        assessment == null
            ? List.of()
            : assessment.behaviour().stream()
                .map(
                    b ->
                        Map.<String, Object>of(
                            "name",
                            berAkhlak.name(String.valueOf(b.get("nilai")), locale),
                            "rating",
                            rating(b.get("selfRating"), locale)))
                .toList());
    view.put("narrative", assessment == null ? "" : assessment.narrative());
    return view;
  }

  private String rating(Object code, Locale locale) {
    return code == null || code.toString().isBlank()
        ? "-"
        : labels.of("rating", code.toString(), locale);
  }

  private static Long evaluationId(TaskRow task) {
    return task.variables().get("evaluation") instanceof Map<?, ?> evaluation
            && evaluation.get("evaluationId") instanceof Number id
        ? id.longValue()
        : null;
  }
}
