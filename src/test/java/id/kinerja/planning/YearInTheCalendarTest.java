package id.kinerja.planning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.Api;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.Cancellations;
import id.kinerja.support.ContextEngine;
import id.kinerja.tasklist.TaskStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organisation's year with the clock where real agencies are: the Pengelola Kinerja opens
 * the next year on 10 December, the clock moves to 10 January, 1 February, June (with a mutasi), 1
 * July and the next January, and at each the work lands with the right person on the right day.
 * Tagged "calendar": it runs in a JVM and engine of its own, whose clock nobody else moves (the
 * steps run in order, each from where the previous one left the clock).
 */
@Tag("calendar")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearInTheCalendarTest extends BrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Autowired TestRestTemplate http;
  @Autowired ContextEngine clock;
  @Autowired Organisation organisation;
  @Autowired TaskStore store;
  @Autowired JdbcClient jdbc;
  Api api;

  /** The year opened in December; the walk ends in January of the year after. */
  int year;

  Employee pegawai1;
  Employee lip2; // never drafts: escalated in January
  Employee kp1; // approved in December, never checks in: reminded, then the rater is told
  Employee kasiKp;
  LocalDate imlek; // a holiday the Pengelola Kinerja lists in the first week of February

  @BeforeAll
  void people() {
    api = new Api(http);
    pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    lip2 = nth("SEKSI-LIP", 2);
    kp1 = nth("SEKSI-KP", 1);
    kasiKp = organisation.rater(kp1).orElseThrow();
    ZonedDateTime now = clock.now().atZone(WITA);
    year = (now.isBefore(atWita(now.getYear(), 12, 10, 9)) ? now.getYear() : now.getYear() + 1) + 1;
  }

  @Test
  @Order(1)
  void december() {
    moveTo(atWita(year - 1, 12, 10, 9));
    // the holidays of the coming year, as the Pengelola Kinerja keeps them
    imlek = firstWorkingDayAfter(LocalDate.of(year, 2, 1));
    assertThat(
            api.send(
                    "pengelola",
                    HttpMethod.PUT,
                    "/api/holidays/" + year,
                    List.of(Map.of("date", imlek.toString(), "name", "Tahun Baru Imlek")))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    JsonNode opening =
        api.post("pengelola", "/api/periods", Map.of("unitCode", "BIDANG-IKP", "year", year))
            .getBody();
    assertThat(opening.path("started").toString()).contains(pegawai1.nip(), lip2.nip());

    // the first drafts are due by the second week of January
    JsonNode draft = api.awaitTask("pegawai1", "draft-skp", pegawai1.nip(), year);
    assertThat(due(draft)).isEqualTo(atWita(year, 1, 8, 0).toInstant());
    api.complete("pegawai1", draft, Api.skp());
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "review-skp", pegawai1.nip(), year),
        Map.of("decision", "RETURN", "reviewNotes", "Tambahkan indikator kualitas layanan."));
    // returned: back to the employee, due a week after the return
    JsonNode revise = api.awaitTask("pegawai1", "revise-skp", pegawai1.nip(), year);
    assertThat(due(revise)).isEqualTo(endOfDay(LocalDate.of(year - 1, 12, 17)));

    // kp-1 drafts and is approved in December
    api.complete(
        kp1.username(), api.awaitTask(kp1.username(), "draft-skp", kp1.nip(), year), Api.skp());
    api.complete(
        kasiKp.username(),
        api.awaitTask(kasiKp.username(), "review-skp", kp1.nip(), year),
        Map.of("decision", "APPROVE"));

    assertThat(api.tasks("pengelola", "draft-skp-by-officer")).isEmpty();
  }

  @Test
  @Order(2)
  void tenthOfJanuary() {
    long lip2Draft =
        api.awaitTask(lip2.username(), "draft-skp", lip2.nip(), year)
            .path("task")
            .path("id")
            .asLong();
    moveTo(atWita(year, 1, 10, 9));

    // lip-2 drafted nothing by the second week: the Pengelola Kinerja drafts it; the employee's
    // task leaves the lists within seconds, and its page says where the work went
    assertThat(
            Cancellations.delay(
                clock, store, lip2Draft, "timer: second-week escalation (10 January)"))
        .isLessThan(Duration.ofSeconds(5));
    api.awaitTask("pengelola", "draft-skp-by-officer", lip2.nip(), year);
    awaitMail(lip2.username(), "DEADLINE_NEAR", "Susun SKP");
    awaitMail(lip2.username(), "DEADLINE_PASSED", "Susun SKP");
    signInWithNip(lip2);
    page.navigate(url("/tasks/" + lip2Draft));
    assertThat(page.locator("#task-messages")).containsText("Tugas ini sudah tidak berlaku");
    assertThat(page.locator("#task-messages"))
        .containsText("Susun SKP oleh Pengelola Kinerja — ditawarkan kepada Pengelola Kinerja");
    screenshot("calendar-task-no-longer-applies");
    signOut();

    // pegawai1 had a first draft in December: fixing it on 10 January, and being returned again
    // on 10 January, leaves the SKP with pegawai1
    api.complete(
        "pegawai1", api.awaitTask("pegawai1", "revise-skp", pegawai1.nip(), year), Api.skp());
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "review-skp", pegawai1.nip(), year),
        Map.of("decision", "RETURN", "reviewNotes", "Target triwulan belum jelas."));
    JsonNode revise = api.awaitTask("pegawai1", "revise-skp", pegawai1.nip(), year);
    assertThat(due(revise)).isEqualTo(endOfDay(LocalDate.of(year, 1, 17)));
    assertThat(api.tasks("pengelola", "draft-skp-by-officer"))
        .noneMatch(t -> pegawai1.nip().equals(t.path("task").path("employeeNip").asText()));

    // a year opened on 10 January gives its people two weeks from now, not the second week
    api.post("pengelola", "/api/periods", Map.of("unitCode", "BIDANG-APTIKA", "year", year));
    Employee egov2 = nth("SEKSI-EGOV", 2);
    JsonNode late = api.awaitTask(egov2.username(), "draft-skp", egov2.nip(), year);
    assertThat(due(late)).isEqualTo(atWita(year, 1, 24, 0).toInstant());
  }

  @Test
  @Order(3)
  void firstOfFebruary() {
    moveTo(atWita(year, 2, 1, 9));

    // not approved by 31 January: reminded a week before, then the Pengelola Kinerja is told
    awaitMail("pegawai1", "DEADLINE_NEAR", "Penetapan SKP");
    awaitMail("atasan1", "DEADLINE_PASSED", "Penetapan SKP");
    // the agency's own Pengelola Kinerja, not the BKPSDM-wide one
    awaitMail("pengelola-kominfo", "DEADLINE_PASSED", "Penetapan SKP");
    // the year opened late escalates after its own two weeks
    Employee egov2 = nth("SEKSI-EGOV", 2);
    api.awaitTask("pengelola", "draft-skp-by-officer", egov2.nip(), year);

    // pegawai1 is approved at last; the January check-in is due 5 working days after 31 January,
    // the holiday not counted
    api.complete(
        "pegawai1", api.awaitTask("pegawai1", "revise-skp", pegawai1.nip(), year), Api.skp());
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "review-skp", pegawai1.nip(), year),
        Map.of("decision", "APPROVE"));
    JsonNode january = api.awaitTask("pegawai1", "checkin", pegawai1.nip(), year);
    assertThat(january.path("variables").path("month").asInt()).isEqualTo(1);
    assertThat(due(january))
        .isEqualTo(endOfDay(workingDaysAfter(LocalDate.of(year, 1, 31), 5, imlek)));
  }

  @Test
  @Order(4)
  void juneWithAMutasi() {
    JsonNode januaryOfKp1 = api.awaitTask(kp1.username(), "checkin", kp1.nip(), year);
    moveTo(atWita(year, 6, 10, 9));

    // kp-1 never checked in for January: reminded the next working day, then the rater was told
    awaitMail(kp1.username(), "DEADLINE_PASSED", "Check-in");
    awaitMail(kasiKp.username(), "DEADLINE_PASSED", "Check-in bulanan");
    assertThat(januaryOfKp1.path("task").path("id").asLong()).isPositive();

    // the Triwulan I review started on 1 April; the unit is rated and the result delivered
    reviewQuarter("Q1");
    JsonNode q1 = evaluation(pegawai1, "Q1");
    assertThat(q1.path("status").asText()).isEqualTo("DELIVERED");

    // pegawai1's open check-in of the old post
    long oldCheckin =
        api.awaitTask("pegawai1", "checkin", pegawai1.nip(), year).path("task").path("id").asLong();
    // mutasi in June: to the Seksi Kemitraan dan Publikasi, under its head
    assertThat(
            api.post(
                    "pengelola",
                    "/api/employees/" + pegawai1.nip() + "/transfer",
                    Map.of(
                        "year",
                        year,
                        "unitCode",
                        "SEKSI-KP",
                        "position",
                        "Pranata Hubungan Masyarakat Ahli Pertama",
                        "superiorNip",
                        kasiKp.nip()))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(Cancellations.delay(clock, store, oldCheckin, "message: mutasi (June)"))
        .isLessThan(Duration.ofSeconds(5));

    // the new post's SKP goes to the employee with two weeks, not to the Pengelola Kinerja
    JsonNode draft = api.awaitTask("pegawai1", "draft-skp", pegawai1.nip(), year);
    assertThat(draft.path("variables").path("post").asInt()).isEqualTo(2);
    assertThat(due(draft)).isEqualTo(atWita(year, 6, 24, 0).toInstant());
    await().atMost(Duration.ofSeconds(30)).until(() -> skpStatuses("pegawai1").contains("CLOSED"));
    // the old post keeps its periodic evaluation
    assertThat(evaluation(pegawai1, "Q1").path("post").asInt()).isEqualTo(1);
    api.complete("pegawai1", draft, Api.skp());
    api.complete(
        kasiKp.username(),
        api.awaitTask(kasiKp.username(), "review-skp", pegawai1.nip(), year),
        Map.of("decision", "APPROVE"));

    // a year opened in June: two weeks for its SKPs
    api.post("pengelola", "/api/periods", Map.of("unitCode", "SEKRETARIAT", "year", year));
    Employee umpeg2 = nth("SUBBAG-UMPEG", 2);
    assertThat(due(api.awaitTask(umpeg2.username(), "draft-skp", umpeg2.nip(), year)))
        .isEqualTo(atWita(year, 6, 24, 0).toInstant());
  }

  @Test
  @Order(5)
  void firstOfJuly() {
    moveTo(atWita(year, 7, 2, 9));

    // the new post asks for check-ins from the month of the transfer on: June, not January
    JsonNode june = api.awaitTask("pegawai1", "checkin", pegawai1.nip(), year);
    assertThat(june.path("variables").path("month").asInt()).isEqualTo(6);
    assertThat(june.path("variables").path("post").asInt()).isEqualTo(2);
  }

  @Test
  @Order(6)
  void theNextJanuary() {
    moveTo(atWita(year + 1, 1, 2, 9));

    // the annual review (no separate Triwulan IV) covers the post held at the end of the year,
    // with the earlier one shown beside it
    api.complete(
        "atasan2",
        api.awaitTaskWhere(
            "atasan2",
            "set-unit-predikat",
            t -> "ANNUAL".equals(t.path("variables").path("period").asText())),
        Map.of("predikatOrganisasi", "BAIK"));
    // pegawai1 assesses themselves; the annual rating waits for the 360 round the calendar
    // started two weeks before the year ended (here when the walk reached January) until its
    // deadline: the respondents chosen within 7 days, their answers 14 days after; nobody answers
    api.selfAssess("pegawai1", pegawai1.nip(), year);
    Instant deadline =
        Awaitility.await()
            .atMost(Duration.ofSeconds(45))
            .until(
                () ->
                    jdbc.sql(
                            "select deadline from feedback_round where employee_nip = :nip and period_year = :year and period = 'ANNUAL' and deadline is not null")
                        .param("nip", pegawai1.nip())
                        .param("year", year)
                        .query(OffsetDateTime.class)
                        .optional()
                        .map(OffsetDateTime::toInstant),
                Optional::isPresent)
            .orElseThrow();
    moveTo(deadline.plus(Duration.ofHours(1)).atZone(WITA));
    JsonNode rating =
        api.awaitTaskWhere(
            kasiKp.username(),
            "rate",
            pegawai1.nip(),
            t -> "ANNUAL".equals(t.path("variables").path("period").asText()));
    assertThat(rating.path("variables").path("evaluation").path("earlierPosts").asText())
        .contains("Seksi Layanan Informasi Publik")
        .contains("Triwulan I: Baik");
    assertThat(
            jdbc.sql(
                    "select period from unit_review where unit_code = 'BIDANG-IKP' and period_year = :year order by period")
                .param("year", year)
                .query(String.class)
                .list())
        .contains("Q1", "Q2", "Q3", "ANNUAL")
        .doesNotContain("Q4");

    // pegawai1's page: both posts' SKPs and the results, in words
    actAs("pegawai1");
    page.navigate(url("/my/skp"));
    assertThat(page.locator("#my-skps")).containsText("Ditutup (mutasi)");
    assertThat(page.locator("#my-skps")).containsText("jabatan ke-2");
    assertThat(page.locator("#my-results")).containsText(year + " Triwulan I: Baik");
    assertThat(page.locator("#my-results")).containsText("Sesuai ekspektasi");
    screenshot("calendar-my-skp-after-mutasi");
  }

  /** The head sets the unit's predikat, every rater rates as expected, the curve is justified. */
  private void reviewQuarter(String period) {
    JsonNode predikat =
        api.awaitTaskWhere(
            "atasan2",
            "set-unit-predikat",
            t -> period.equals(t.path("variables").path("period").asText()));
    api.complete("atasan2", predikat, Map.of("predikatOrganisasi", "BAIK"));
    long review = predikat.path("task").path("id").asLong();
    for (Employee employee : organisation.employeesIn("BIDANG-IKP")) {
      var rater = organisation.rater(employee).orElseThrow();
      if (rater.username() == null) {
        continue;
      }
      api.selfAssess(employee.username(), employee.nip(), year);
      JsonNode task =
          api.awaitTaskWhere(
              rater.username(),
              "rate",
              employee.nip(),
              t -> period.equals(t.path("variables").path("period").asText()));
      // the unit head's hasil kerja is the unit predikat's: the form sends perilaku alone
      api.complete(
          rater.username(), task, Api.rating(task, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI"));
    }
    api.complete(
        "pengelola",
        api.awaitTaskWhere(
            "pengelola",
            "calibrate",
            t -> period.equals(t.path("variables").path("period").asText())),
        Map.of(
            "calibrationAction",
            "JUSTIFY",
            "justification",
            "Bidang dengan kinerja merata pada triwulan ini; disepakati pimpinan."));
    assertThat(review).isPositive();
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> "DELIVERED".equals(evaluation(pegawai1, period).path("status").asText()));
  }

  private JsonNode evaluation(Employee employee, String period) {
    for (JsonNode e : api.get("pengelola", "/api/employees/" + employee.nip() + "/evaluations")) {
      if (e.path("periodYear").asInt() == year && period.equals(e.path("period").asText())) {
        return e;
      }
    }
    return MissingNode.getInstance(); // not there yet
  }

  private List<String> skpStatuses(String user) {
    var statuses = new ArrayList<String>();
    api.get(user, "/api/my/skp").forEach(v -> statuses.add(v.path("skp").path("status").asText()));
    return statuses;
  }

  /** Waits for the mail of that type, whose subject names the step, to be in the user's outbox. */
  private void awaitMail(String user, String type, String about) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> subjects(user, type).stream().anyMatch(subject -> subject.contains(about)));
  }

  private List<String> subjects(String user, String type) {
    return jdbc.sql(
            "select subject from notification_outbox where recipient_username = :user and type = :type")
        .param("user", user)
        .param("type", type)
        .query(String.class)
        .list();
  }

  private void signInWithNip(Employee employee) {
    signIn(employee.username());
  }

  private Employee nth(String unit, int n) {
    return organisation.employeesIn(unit).stream()
        .filter(e -> organisation.rater(e).map(r -> r.username() != null).orElse(false))
        .filter(e -> !e.username().equals("pegawai1"))
        .filter(e -> organisation.unit(unit).orElseThrow().headEmployeeId() != e.id())
        .skip(n - 1)
        .findFirst()
        .orElseThrow();
  }

  private void moveTo(ZonedDateTime moment) {
    Duration ahead = Duration.between(clock.now(), moment.toInstant());
    assertThat(ahead).as("the walk only goes forward").isPositive();
    clock.advance(ahead);
  }

  private static Instant due(JsonNode task) {
    return Instant.parse(task.path("task").path("dueDate").asText());
  }

  private static ZonedDateTime atWita(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, WITA);
  }

  private static Instant endOfDay(LocalDate day) {
    return day.atTime(LocalTime.of(23, 59, 59)).atOffset(ZoneOffset.ofHours(8)).toInstant();
  }

  private static LocalDate firstWorkingDayAfter(LocalDate day) {
    return workingDaysAfter(day, 1, null);
  }

  private static LocalDate workingDaysAfter(LocalDate day, int days, LocalDate holiday) {
    LocalDate result = day;
    for (int counted = 0; counted < days; ) {
      result = result.plusDays(1);
      if (result.getDayOfWeek() != DayOfWeek.SATURDAY
          && result.getDayOfWeek() != DayOfWeek.SUNDAY
          && !result.equals(holiday)) {
        counted++;
      }
    }
    return result;
  }
}
