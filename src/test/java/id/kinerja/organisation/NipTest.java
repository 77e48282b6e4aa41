package id.kinerja.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NipTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void readsBirthDateTmtGenderAndSequence() {
    Nip nip = Nip.parse("199307172018031011", TODAY);

    assertThat(nip.birthDate()).isEqualTo(LocalDate.of(1993, 7, 17));
    assertThat(nip.tmt()).isEqualTo(YearMonth.of(2018, 3));
    assertThat(nip.gender()).isEqualTo(Nip.Gender.MALE);
    assertThat(nip.sequence()).isEqualTo(11);
    assertThat(Nip.parse("198209022007032007", TODAY).gender()).isEqualTo(Nip.Gender.FEMALE);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "19930717201803101, nip.format",
    "1993071720180310111, nip.format",
    "19930717201803101A, nip.format",
    "199302302018031011, nip.birthDate",
    "193907172018031011, nip.birthDate",
    "201007172018031011, nip.birthDate",
    "199307172018131011, nip.tmt",
    "199307172018001011, nip.tmt",
    "199307172027011011, nip.tmt",
    "199307172010031011, nip.tmtBeforeAdult",
    "199307172018033011, nip.gender",
    "199307172018031000, nip.sequence"
  })
  void eachBrokenRuleHasItsOwnReason(String value, String problem) {
    assertThat(Nip.problems(value, TODAY)).containsExactly(problem);
  }

  @Test
  void aNullOrEmptyValueIsNotANip() {
    assertThat(Nip.problems(null, TODAY)).containsExactly("nip.format");
    assertThat(Nip.problems("", TODAY)).containsExactly("nip.format");
  }

  @Test
  void theLastMonthOfAdulthoodBoundaryIsExact() {
    // born July 1993: 18 in July 2011, so TMT 2011-07 is fine and 2011-06 is not
    assertThat(Nip.problems("199307172011071011", TODAY)).isEmpty();
    assertThat(Nip.problems("199307172011061011", TODAY)).containsExactly("nip.tmtBeforeAdult");
  }
}
