package id.kinerja.dashboard;

import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.platform.Labels;
import id.kinerja.review.PublicAnswers;
import id.kinerja.review.ValueScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The public's answers on the units of a rater's team (the unit they head and their people's
 * units), per quarter and for the year: only units the public answered about in the year.
 */
@Component
class PublicAnswersBoard {

  private final Organisation organisation;
  private final PublicAnswers answers;
  private final Labels labels;

  PublicAnswersBoard(Organisation organisation, PublicAnswers answers, Labels labels) {
    this.organisation = organisation;
    this.answers = answers;
    this.labels = labels;
  }

  record Score(String value, String name, Double average, long answers) {}

  record Period(
      String period,
      String name,
      long answers,
      List<Score> perValue,
      List<PublicAnswers.Comment> recentComments) {}

  record Unit(String unitCode, String unitName, List<Period> periods) {}

  List<Unit> of(Authentication auth, int year, Locale locale) {
    var units = new ArrayList<Unit>();
    for (Map.Entry<String, String> unit : units(auth).entrySet()) {
      if (answers.anyIn(unit.getKey(), year)) {
        units.add(
            new Unit(
                unit.getKey(),
                unit.getValue(),
                answers.perPeriod(unit.getKey(), year).stream()
                    .map(s -> period(s, locale))
                    .toList()));
      }
    }
    return units;
  }

  /** Code and name of the unit the person heads and of their people's units, in that order. */
  private Map<String, String> units(Authentication auth) {
    var units = new LinkedHashMap<String, String>();
    organisation
        .byUsername(auth.getName())
        .ifPresent(
            me -> {
              organisation
                  .unit(me.unitCode())
                  .filter(u -> u.headEmployeeId() != null && u.headEmployeeId() == me.id())
                  .ifPresent(u -> units.put(u.code(), u.name()));
              for (Employee person : organisation.subordinates(me)) {
                units.putIfAbsent(person.unitCode(), person.unitName());
              }
            });
    return units;
  }

  private Period period(PublicAnswers.Summary summary, Locale locale) {
    return new Period(
        summary.period(),
        labels.of("period", summary.period(), locale),
        summary.answers(),
        summary.perValue().stream().map(s -> score(s, locale)).toList(),
        summary.recentComments());
  }

  private Score score(ValueScore score, Locale locale) {
    return new Score(
        score.value(),
        labels.of("berakhlak", score.value(), locale),
        score.average(),
        score.answers());
  }
}
