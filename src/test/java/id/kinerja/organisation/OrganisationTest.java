package id.kinerja.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.engine.EngineClock;
import id.kinerja.support.IntegrationTest;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;

/** The demo organisation and the rater chain derived from it. */
class OrganisationTest extends IntegrationTest {

  @Autowired Organisation organisation;
  @Autowired DemoOrganisation demo;
  @Autowired EngineClock clock;

  @Test
  void theDemoDinasHasThreeLevelsAndTwentyToFortyValidEmployees() {
    List<Employee> all = organisation.employeesIn("DISKOMINFO");

    assertThat(all).hasSizeBetween(20, 40);
    assertThat(all)
        .allSatisfy(
            e ->
                assertThat(Nip.problems(e.nip(), clock.today(ZoneId.of("Asia/Makassar"))))
                    .isEmpty());
    assertThat(organisation.tree())
        .filteredOn(root -> root.code().equals("DISKOMINFO"))
        .singleElement()
        .satisfies(
            dinas ->
                assertThat(dinas.children())
                    .allSatisfy(bidang -> assertThat(bidang.children()).isNotEmpty()));
    assertThat(all).extracting(Employee::employeeType).contains("PNS", "PPPK");
  }

  @Test
  void pegawai1IsRatedByAtasan1WhoseSuperiorAtasan2DecidesAppeals() {
    Employee pegawai1 = organisation.byUsername("pegawai1").orElseThrow();

    assertThat(organisation.rater(pegawai1))
        .get()
        .extracting(Employee::username)
        .isEqualTo("atasan1");
    assertThat(organisation.appealDecider(pegawai1))
        .get()
        .extracting(Employee::username)
        .isEqualTo("atasan2");
    Employee atasan1 = organisation.byUsername("atasan1").orElseThrow();
    assertThat(organisation.subordinates(atasan1))
        .hasSizeGreaterThanOrEqualTo(7)
        .extracting(Employee::username)
        .contains("pegawai1");
  }

  @Test
  void theHeadOfEachAgencyIsRatedByTheSekdaAndAppealsToTheWaliKota() {
    for (String agency : List.of("DISKOMINFO", "BKPSDM")) {
      Employee head = organisation.employeesIn(agency).getFirst();
      assertThat(head.superiorId()).isNull();
      assertThat(organisation.raterOf(head))
          .get()
          .satisfies(
              rater -> {
                assertThat(rater.employee().username()).isEqualTo("sekda");
                assertThat(rater.employee().position()).isEqualTo("Sekretaris Daerah Kota Mataram");
                assertThat(rater.source()).isEqualTo(Organisation.RaterSource.AGENCY_OFFICIAL);
              });
      assertThat(organisation.appealDecider(head))
          .get()
          .extracting(Employee::username)
          .isEqualTo("walikota");
      assertThat(organisation.agencyOf(head).code()).isEqualTo(agency);
    }
    // a Kepala Bidang appeals to the Sekda, who rates the Kepala Dinas
    Employee atasan2 = organisation.byUsername("atasan2").orElseThrow();
    assertThat(organisation.appealDecider(atasan2))
        .get()
        .extracting(Employee::username)
        .isEqualTo("sekda");
    assertThat(organisation.subordinates(organisation.byUsername("sekda").orElseThrow()))
        .extracting(e -> organisation.agencyOf(e).code())
        .contains("DISKOMINFO", "BKPSDM");
  }

  @Test
  void theDemoHasASecondSmallAgencyAndAgencyOfNamesTheTopOfEachUnit() {
    assertThat(organisation.agencies()).extracting(OrgUnit::code).contains("DISKOMINFO", "BKPSDM");
    assertThat(organisation.employeesIn("BKPSDM")).hasSizeBetween(3, 8);
    assertThat(organisation.agencyOf("SEKSI-LIP"))
        .get()
        .extracting(OrgUnit::code)
        .isEqualTo("DISKOMINFO");
    assertThat(organisation.agencyOf("BKPSDM-PKP"))
        .get()
        .extracting(OrgUnit::code)
        .isEqualTo("BKPSDM");
    assertThat(organisation.agencyOf("NOWHERE")).isEmpty();
    Employee pengelola = organisation.byUsername("pengelola").orElseThrow();
    assertThat(organisation.agencyOf(pengelola).code()).isEqualTo("BKPSDM");
  }

  @Test
  void seedingTwiceChangesNothing() throws Exception {
    long before = organisation.count();
    ApplicationArguments none = new DefaultApplicationArguments();

    demo.run(none);

    assertThat(organisation.count()).isEqualTo(before);
  }
}
