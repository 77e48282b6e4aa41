package id.kinerja.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.coaching.CoachChooser.Candidate;
import id.kinerja.coaching.TestAgency.Person;
import id.kinerja.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coach assignment rules of {@link CoachChooser} on people inserted per test. */
class CoachChooserTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired CoachChooser chooser;
  TestAgency agency;

  @BeforeEach
  void setUp() {
    agency = new TestAgency(jdbc);
  }

  @Test
  void onlyStrictlyHigherGradesOfTheSameAgencyTiesByGradeThenNip() {
    Person head = agency.person("head", "IV/a", null);
    Person employee = agency.person("emp", "III/b", head);
    agency.person("peer", "III/b", head);
    agency.person("lower", "II/d", head);
    agency.person("pppk-ix", "IX", head); // level with III/a: lower
    Person other = agency.person("other", "IV/a", head, agency.unit("SUB", agency.root()));
    Person pppk = agency.person("pppk-xiii", "XIII", head); // level with IV/a
    Person senior = agency.person("senior", "IV/b", head);
    // someone of a higher grade in another agency is not eligible
    new TestAgency(jdbc).person("elsewhere", "IV/e", null);

    assertThat(usernames(employee, CoachKind.BIMBINGAN))
        .containsExactly(senior.username(), head.username(), other.username(), pppk.username());
    assertThat(chooser.choose(employee.nip(), CoachKind.BIMBINGAN, 3))
        .map(c -> c.employee().username())
        .contains(senior.username());
  }

  @Test
  void leastLoadedFirstWithinCapacity() {
    Person head = agency.person("head", "IV/b", null);
    Person employee = agency.person("emp", "III/a", head);
    Person busy = agency.person("busy", "IV/a", head);
    Person free = agency.person("free", "III/c", head);
    agency.openAssignments(head, 3); // full at the default capacity of 3
    agency.openAssignments(busy, 1);

    assertThat(usernames(employee, CoachKind.BIMBINGAN))
        .containsExactly(free.username(), busy.username());
    // a larger capacity given by the process owner makes the head eligible again, last (load 3)
    assertThat(
            chooser.candidates(employee.nip(), CoachKind.BIMBINGAN, 4).stream()
                .map(c -> c.employee().username()))
        .containsExactly(free.username(), busy.username(), head.username());
  }

  @Test
  void theRaterIsExcludedWhileAnAppealIsOpen() {
    Person rater = agency.person("rater", "IV/a", null);
    Person employee = agency.person("emp", "III/a", rater);
    Person other = agency.person("other", "III/b", rater);
    assertThat(chooser.choose(employee.nip(), CoachKind.BIMBINGAN, 3))
        .map(c -> c.employee().username())
        .contains(rater.username());

    agency.openAppeal(employee, rater);

    assertThat(usernames(employee, CoachKind.BIMBINGAN)).containsExactly(other.username());
  }

  @Test
  void counsellingNeedsACertifiedCounsellorNeverTheEmployee() {
    Person head = agency.person("head", "IV/a", null);
    Person employee = agency.person("emp", "III/a", head);
    Person counsellor = agency.person("konselor", "III/a", head);
    agency.certify(employee, CoachKind.KONSELING, 3);
    agency.certify(counsellor, CoachKind.KONSELING, 3);

    List<String> candidates = usernames(employee, CoachKind.KONSELING);
    assertThat(candidates)
        .contains(counsellor.username())
        .doesNotContain(head.username(), employee.username());
  }

  @Test
  void theKindFollowsTheReasonUnlessRequested() {
    assertThat(CoachKind.forReason(null, "GAP")).isEqualTo(CoachKind.BIMBINGAN);
    assertThat(CoachKind.forReason(null, "GAP_REPEATED")).isEqualTo(CoachKind.KONSELING);
    assertThat(CoachKind.forReason("konseling", "GAP")).isEqualTo(CoachKind.KONSELING);
    assertThat(CoachKind.forReason("BIMBINGAN", "GAP_REPEATED")).isEqualTo(CoachKind.BIMBINGAN);
    assertThat(Grades.rank("IV/e")).isEqualTo(17);
    assertThat(Grades.rank("XVII")).isEqualTo(17);
    assertThat(Grades.rank("III/a")).isEqualTo(Grades.rank("IX"));
    assertThat(Grades.rank("III/e")).isEqualTo(-1);
  }

  private List<String> usernames(Person employee, CoachKind kind) {
    return chooser.candidates(employee.nip(), kind, 3).stream()
        .map(Candidate::employee)
        .map(e -> e.username())
        .toList();
  }
}
