package id.kinerja.document;

import id.kinerja.organisation.Employee;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A record a document is made of, as it stands now.
 *
 * @param kind SKP or EVALUATION
 * @param subjectId the SKP's or the evaluation's id
 * @param employee whose record it is
 * @param recordedPeople user names the record names as rater or decider (they may read it even
 *     after the tree changed)
 * @param agencyCode the agency the document is issued in (its numbers run per agency)
 * @param year the performance year
 * @param substance what the document states; a change of it makes earlier documents superseded
 * @param statement what the verification page shows of it (codes, names and dates, no labels)
 * @param model everything the template shows, in a language
 */
record DocumentSubject(
    Kind kind,
    long subjectId,
    Employee employee,
    Set<String> recordedPeople,
    String agencyCode,
    int year,
    Map<String, Object> substance,
    Map<String, Object> statement,
    Function<Locale, Map<String, Object>> model) {

  enum Kind {
    SKP("SKP", "skp"),
    EVALUATION("EKP", "evaluation");

    /** the prefix of document numbers */
    final String prefix;

    /** the template's name in the templates folder */
    final String template;

    Kind(String prefix, String template) {
      this.prefix = prefix;
      this.template = template;
    }
  }
}
