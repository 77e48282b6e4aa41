package id.kinerja.coaching;

import id.kinerja.appeal.OpenAppeals;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses who coaches an employee.
 *
 * <p>Eligible for BIMBINGAN: certified BIMBINGAN coaches (table coach), and active employees of the
 * same agency (the same root unit of the org tree) with a strictly higher grade ({@link Grades}).
 * Eligible for KONSELING: certified KONSELING counsellors only (counselling is by an independent
 * counsellor). Never the employee themself, never someone without a user name, never the employee's
 * rater while an appeal between them is open, never someone whose open assignments reach their
 * capacity (coach.capacity, else the default capacity given by the process).
 *
 * <p>Order: the fewest open assignments first; ties by higher grade, then by NIP ascending.
 */
@Component
public class CoachChooser {

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final OpenAppeals appeals;
  private final MessageSource messages;

  CoachChooser(
      JdbcClient jdbc, Organisation organisation, OpenAppeals appeals, MessageSource messages) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.appeals = appeals;
    this.messages = messages;
  }

  public record Candidate(Employee employee, boolean certified, int capacity, int load) {}

  public Optional<Candidate> choose(String employeeNip, CoachKind kind, int defaultCapacity) {
    return candidates(employeeNip, kind, defaultCapacity).stream().findFirst();
  }

  /** Every eligible person, best first. */
  public List<Candidate> candidates(String employeeNip, CoachKind kind, int defaultCapacity) {
    Employee employee =
        organisation
            .byNip(employeeNip)
            .orElseThrow(() -> new IllegalArgumentException("No employee with NIP " + employeeNip));
    Map<Long, Candidate> candidates = new LinkedHashMap<>();
    jdbc.sql("select employee_id, capacity from coach where kind = :kind and certified")
        .param("kind", kind.name())
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
        .list()
        .forEach(
            row ->
                organisation
                    .byId(row[0])
                    .filter(Employee::active)
                    .ifPresent(
                        e ->
                            candidates.put(
                                e.id(), new Candidate(e, true, (int) row[1], load(e.id())))));
    if (kind == CoachKind.BIMBINGAN) {
      int grade = Grades.rank(employee.grade());
      organisation.employeesIn(organisation.agencyOf(employee).code()).stream()
          .filter(e -> grade >= 0 && Grades.rank(e.grade()) > grade)
          .forEach(
              e ->
                  candidates.computeIfAbsent(
                      e.id(), id -> new Candidate(e, false, defaultCapacity, load(id))));
    }
    Optional<Employee> rater = organisation.rater(employee);
    boolean raterExcluded = rater.map(r -> appeals.between(employee.nip(), r.nip())).orElse(false);
    return candidates.values().stream()
        .filter(c -> c.employee().id() != employee.id())
        .filter(c -> c.employee().username() != null)
        .filter(c -> !(raterExcluded && c.employee().id() == rater.get().id()))
        .filter(c -> c.load() < c.capacity())
        .sorted(
            Comparator.comparingInt(Candidate::load)
                .thenComparing(
                    Comparator.comparingInt((Candidate c) -> Grades.rank(c.employee().grade()))
                        .reversed())
                .thenComparing(c -> c.employee().nip()))
        .toList();
  }

  /**
   * Why this person cannot coach the employee (a sentence for the Pengelola Kinerja), or empty.
   * Used for a coach picked by hand: capacity and grade are the officer's call, the hard rules are
   * not.
   */
  public Optional<String> refusal(String employeeNip, String coachUsername) {
    Optional<Employee> coach = organisation.byUsername(coachUsername);
    if (coach.isEmpty()) {
      return Optional.of(bilingual("coaching.refusal.notEmployee", coachUsername));
    }
    if (coach.get().nip().equals(employeeNip)) {
      return Optional.of(bilingual("coaching.refusal.self"));
    }
    Optional<Employee> rater = organisation.byNip(employeeNip).flatMap(organisation::rater);
    if (rater.isPresent()
        && rater.get().id() == coach.get().id()
        && appeals.between(employeeNip, rater.get().nip())) {
      return Optional.of(bilingual("coaching.refusal.openAppeal"));
    }
    return Optional.empty();
  }

  /** "Indonesian (English)", like the forms: the worker does not know who will read it. */
  private String bilingual(String code, Object... args) {
    return messages.getMessage(code, args, Locale.forLanguageTag("id"))
        + " ("
        + messages.getMessage(code, args, Locale.ENGLISH)
        + ")";
  }

  private int load(long coachEmployeeId) {
    return jdbc.sql(
            "select count(*) from coaching_assignment where coach_employee_id = :id and status = 'OPEN'")
        .param("id", coachEmployeeId)
        .query(Integer.class)
        .single();
  }
}
