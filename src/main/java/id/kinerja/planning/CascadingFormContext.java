package id.kinerja.planning;

import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.tasklist.FormContext;
import id.kinerja.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the SKP forms show of cascading. The draft (skp-draft) offers {@code rhkAtasanOptions}: the
 * RHKs of the rater's approved SKP of the year, as select options; empty while there is none, and
 * the form then asks for the superior's RHK as text. The review (skp-review) shows {@code
 * cascading}: {rows: [{rhk, supporters}], unsupported: [rhk], unlinked: [rhk pimpinan of this SKP
 * that is none of the rater's RHKs], note}.
 */
@Component
class CascadingFormContext implements FormContext {

  private final Cascading cascading;
  private final Organisation organisation;
  private final SkpRecords skps;
  private final MessageSource messages;

  CascadingFormContext(
      Cascading cascading, Organisation organisation, SkpRecords skps, MessageSource messages) {
    this.cascading = cascading;
    this.organisation = organisation;
    this.skps = skps;
    this.messages = messages;
  }

  @Override
  public boolean appliesTo(String formId) {
    return "skp-draft".equals(formId) || "skp-review".equals(formId);
  }

  @Override
  public Map<String, Object> of(TaskRow task, Locale locale) {
    Optional<Employee> rater = rater(task);
    Integer year = task.periodYear();
    if (year == null) {
      return Map.of();
    }
    if ("review-skp".equals(task.elementId())) {
      return Map.of("cascading", review(rater, year, task, locale));
    }
    var options = new ArrayList<Map<String, Object>>();
    rater.map(r -> cascading.approvedRhk(r, year)).orElse(List.of()).stream()
        .map(rhk -> Map.<String, Object>of("label", rhk, "value", rhk))
        .forEach(options::add);
    return Map.of("rhkAtasanOptions", options);
  }

  private Map<String, Object> review(
      Optional<Employee> rater, int year, TaskRow task, Locale locale) {
    var view = new LinkedHashMap<String, Object>();
    List<Cascading.Support> support = rater.map(r -> cascading.support(r, year)).orElse(List.of());
    String thisSkp = messages.getMessage("cascading.thisSkp", null, locale);
    view.put(
        "rows",
        support.stream()
            .filter(s -> !s.supporters().isEmpty())
            .map(
                s -> {
                  var names =
                      s.supporters().stream()
                          .map(
                              e ->
                                  e.nip().equals(task.employeeNip())
                                      ? e.name() + " (" + thisSkp + ")"
                                      : e.name())
                          .toList();
                  return Map.<String, Object>of(
                      "rhk", s.rhk(), "supporters", String.join(", ", names));
                })
            .toList());
    view.put(
        "unsupported",
        support.stream()
            .filter(s -> s.supporters().isEmpty())
            .map(Cascading.Support::rhk)
            .toList());
    List<String> raterRhk = support.stream().map(Cascading.Support::rhk).toList();
    view.put(
        "unlinked",
        skps.byInstance(task.processInstanceKey()).stream()
            .flatMap(s -> Cascading.supportedOf(s).stream())
            .filter(r -> !raterRhk.contains(r))
            .toList());
    view.put(
        "note",
        support.isEmpty()
            ? messages.getMessage("cascading.noApprovedSkp", new Object[] {year}, locale)
            : null);
    return view;
  }

  /** The rater the process was started with, else the one the tree names now. */
  private Optional<Employee> rater(TaskRow task) {
    Object username = task.variables().get("raterUsername");
    if (username != null) {
      return organisation.byUsername(username.toString());
    }
    return Optional.ofNullable(task.employeeNip())
        .flatMap(organisation::byNip)
        .flatMap(organisation::rater);
  }
}
