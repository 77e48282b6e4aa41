package id.kinerja.dashboard;

import id.kinerja.coaching.CoachKind;
import id.kinerja.coaching.TestAgency;
import id.kinerja.coaching.TestAgency.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency with a known year, for the dashboards: a head who rates four people of a section, and a
 * Pengelola Kinerja of its own (every password "demo").
 *
 * <ul>
 *   <li>SKPs: A and B approved, C submitted, D none.
 *   <li>Check-ins: A's January on time and February late; B's January open past its due date.
 *   <li>Latest check-ins: A in June at 100% and 80% of the pro-rata target (mean 90%), B in March
 *       at 100%; C and D none.
 *   <li>Annual review (unit predikat Baik): A Sangat Baik, B and C Baik, D Butuh Perbaikan, all
 *       delivered; A also Baik in Q1 and Sangat Baik in Q2.
 *   <li>Appeals: A's annual result changed, D's open.
 *   <li>Coaching: the head, capacity 3, has 2 open assignments and 1 closed.
 *   <li>Open work: B's overdue check-in; D's SKP escalated to the Pengelola Kinerja.
 * </ul>
 */
final class DashboardAgency {

  final int year;
  final Person head;
  final Person officer;
  final Person a;
  final Person b;
  final Person c;
  final Person d;
  final String sectionCode;
  final long annualReview;
  final long evaluationB;
  private final JdbcClient jdbc;

  DashboardAgency(JdbcClient jdbc, int year, String passwordHash) {
    this.jdbc = jdbc;
    this.year = year;
    var agency = new TestAgency(jdbc);
    long section = agency.unit("SEKSI", agency.root());
    sectionCode =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", section)
            .query(String.class)
            .single();
    head = agency.person("kepala", "IV/a", null);
    officer = agency.person("pengelola", "III/c", null);
    a = agency.person("a", "III/a", head, section);
    b = agency.person("b", "III/a", head, section);
    c = agency.person("c", "III/b", head, section);
    d = agency.person("d", "II/c", head, section);
    for (Person p : new Person[] {head, officer, a, b, c, d}) {
      jdbc.sql("update app_user set password_hash = :hash where username = :u")
          .param("hash", passwordHash)
          .param("u", p.username())
          .update();
    }
    jdbc.sql("update employee set name = :name where id = :id")
        .param("name", "Ayu Lestari")
        .param("id", a.id())
        .update();
    jdbc.sql("update employee set name = :name where id = :id")
        .param("name", "Bagus Pratama")
        .param("id", b.id())
        .update();
    jdbc.sql("update employee set name = :name where id = :id")
        .param("name", "Citra Dewi")
        .param("id", c.id())
        .update();
    jdbc.sql("update employee set name = :name where id = :id")
        .param("name", "Dimas Saputra")
        .param("id", d.id())
        .update();
    jdbc.sql(
            "insert into app_user_role (user_id, role) select id, 'PENGELOLA_KINERJA' from app_user where username = :u")
        .param("u", officer.username())
        .update();

    skp(a, "APPROVED");
    skp(b, "APPROVED");
    skp(c, "SUBMITTED");

    task(
        a,
        1,
        "COMPLETED",
        due(1),
        due(1).minusSeconds(86_400),
        "Check-in bulanan",
        "monitoring",
        "checkin",
        false);
    task(
        a,
        2,
        "COMPLETED",
        due(2),
        due(2).plusSeconds(3 * 86_400),
        "Check-in bulanan",
        "monitoring",
        "checkin",
        false);
    task(b, 1, "OPEN", due(1), null, "Check-in bulanan", "monitoring", "checkin", false);
    task(
        d,
        0,
        "OPEN",
        LocalDate.of(year + 20, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(8)),
        null,
        "Susun SKP oleh Pengelola Kinerja",
        "skp-planning",
        "draft-skp-by-officer",
        true);

    checkIn(
        a,
        6,
        "[{\"jenis\":\"UTAMA\",\"iki\":\"Dokumen\",\"target\":120,\"realisasi\":60},{\"jenis\":\"UTAMA\",\"iki\":\"Rilis\",\"target\":10,\"realisasi\":4}]");
    checkIn(b, 3, "[{\"jenis\":\"UTAMA\",\"iki\":\"Dokumen\",\"target\":12,\"realisasi\":3}]");

    String root =
        jdbc.sql("select code from org_unit where id = :id")
            .param("id", agency.root())
            .query(String.class)
            .single();
    annualReview = review(root, "ANNUAL");
    long q1 = review(root, "Q1");
    long q2 = review(root, "Q2");
    long evaluationA =
        evaluation(
            annualReview, a, "ANNUAL", "DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", "SANGAT_BAIK");
    evaluationB =
        evaluation(annualReview, b, "ANNUAL", "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BAIK");
    evaluation(annualReview, c, "ANNUAL", "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BAIK");
    long evaluationD =
        evaluation(
            annualReview,
            d,
            "ANNUAL",
            "DI_BAWAH_EKSPEKTASI",
            "SESUAI_EKSPEKTASI",
            "BUTUH_PERBAIKAN");
    evaluation(q1, a, "Q1", "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BAIK");
    evaluation(q2, a, "Q2", "DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", "SANGAT_BAIK");
    appeal(evaluationA, a, "CHANGED");
    appeal(evaluationD, d, "OPEN");

    agency.certify(head, CoachKind.BIMBINGAN, 3);
    agency.openAssignments(head, 2);
    jdbc.sql(
            """
            insert into coaching_assignment (process_instance_key, employee_nip, coach_employee_id, coach_username, kind, assigned_by, status)
            values (:key, :nip, :coach, :u, 'BIMBINGAN', 'TEST', 'CLOSED')""")
        .param("key", -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .param("nip", d.nip())
        .param("coach", head.id())
        .param("u", head.username())
        .update();
  }

  /** The check-in of a month is due 7 days after the month's end, as processes/monitoring.bpmn. */
  private Instant due(int month) {
    return LocalDate.of(year, month, 1)
        .plusMonths(1)
        .plusDays(7)
        .atStartOfDay()
        .toInstant(ZoneOffset.ofHours(8));
  }

  private void skp(Person p, String status) {
    jdbc.sql(
            "insert into skp (employee_nip, period_year, process_instance_key, status) values (:nip, :year, :key, :status)")
        .param("nip", p.nip())
        .param("year", year)
        .param("key", -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .param("status", status)
        .update();
  }

  private void task(
      Person p,
      int month,
      String state,
      Instant due,
      Instant ended,
      String name,
      String process,
      String element,
      boolean escalated) {
    long key = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    jdbc.sql(
            """
            insert into user_task (task_key, process_instance_key, process_definition_key, process_id, process_version,
              element_id, element_instance_key, name, candidate_groups, due_date, variables, employee_nip, period_year,
              state, ended_at, checked_at)
            values (:key, :key, :key, :process, 1, :element, :key, :name, :groups, :due, cast(:variables as jsonb), :nip, :year,
              :state, :ended, now() + interval '30 days')""")
        .param("key", key)
        .param("process", process)
        .param("element", element)
        .param("name", name)
        .param("groups", escalated ? new String[] {"PENGELOLA_KINERJA"} : new String[] {})
        .param("due", Timestamp.from(due))
        .param("variables", month == 0 ? "{}" : "{\"month\": " + month + "}")
        .param("nip", p.nip())
        .param("year", year)
        .param("state", state)
        .param("ended", ended == null ? null : Timestamp.from(ended))
        .update();
  }

  private void checkIn(Person p, int month, String items) {
    jdbc.sql(
            """
            insert into monitoring_checkin (event_key, employee_nip, period_year, month, items, gap)
            values (:event, :nip, :year, :month, cast(:items as jsonb), false)""")
        .param("event", "dashboard:" + p.nip() + ":" + month)
        .param("nip", p.nip())
        .param("year", year)
        .param("month", month)
        .param("items", items)
        .update();
  }

  private long review(String unit, String period) {
    return jdbc.sql(
            """
            insert into unit_review (unit_code, period_year, period, unit_predikat, status, started_by)
            values (:unit, :year, :period, 'BAIK', 'FINAL', 'test') returning id""")
        .param("unit", unit)
        .param("year", year)
        .param("period", period)
        .query(Long.class)
        .single();
  }

  private long evaluation(
      long review, Person p, String period, String hasil, String perilaku, String predikat) {
    return jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, rater_nip, rater_username,
              rating_hasil_kerja, rating_perilaku, predikat, status, delivered_at)
            values (:review, :nip, :year, :period, :rater, :raterUser, :hasil, :perilaku, :predikat, 'DELIVERED', now())
            returning id""")
        .param("review", review)
        .param("nip", p.nip())
        .param("year", year)
        .param("period", period)
        .param("rater", head.nip())
        .param("raterUser", head.username())
        .param("hasil", hasil)
        .param("perilaku", perilaku)
        .param("predikat", predikat)
        .query(Long.class)
        .single();
  }

  private void appeal(long evaluation, Person p, String status) {
    jdbc.sql(
            """
            insert into appeal (evaluation_id, employee_nip, rater_nip, status, reasons)
            values (:ev, :nip, :rater, :status, 'Capaian saya belum diperhitungkan.')""")
        .param("ev", evaluation)
        .param("nip", p.nip())
        .param("rater", head.nip())
        .param("status", status)
        .update();
  }
}
