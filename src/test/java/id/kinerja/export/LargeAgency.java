package id.kinerja.export;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency of 10,000 employees in ten units, inserted in a few statements for one test class, each
 * with a delivered (or, one in fifty, only rated) annual evaluation and an SKP, and its own
 * Pengelola Kinerja (password "demo"). Removed again afterwards.
 */
final class LargeAgency {

  static final int EMPLOYEES = 10_000;
  static final int UNITS = 10;

  final String code = "BESAR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  final String officer = "pengelola-" + code.toLowerCase();
  final int year;
  private final JdbcClient jdbc;
  private final String nipBase =
      "8" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));

  LargeAgency(JdbcClient jdbc, int year, String passwordHash) {
    this.jdbc = jdbc;
    this.year = year;
    jdbc.sql("insert into org_unit (code, name) values (:code, :name)")
        .param("code", code)
        .param("name", "Badan Uji Ekspor " + code)
        .update();
    jdbc.sql(
            """
            insert into org_unit (code, name, parent_id)
            select :code || '-' || n, 'Bidang Uji ' || n, (select id from org_unit where code = :code)
              from generate_series(1, :units) n""")
        .param("code", code)
        .param("units", UNITS)
        .update();
    // the head of the agency, then everyone else rated by the head
    jdbc.sql(
            """
            insert into employee (nip, name, position, grade, unit_id)
            values (:nip, 'Kepala Badan Uji', 'Kepala Badan', 'IV/c', (select id from org_unit where code = :code))""")
        .param("nip", nipBase + "00000000")
        .param("code", code)
        .update();
    jdbc.sql(
            """
            insert into employee (nip, name, position, grade, unit_id, superior_id)
            select :base || lpad(n::text, 8, '0'), 'Pegawai Uji Ekspor ' || n, 'Analis', 'III/a',
                   (select id from org_unit where code = :code || '-' || (1 + n % :units)),
                   (select id from employee where nip = :base || '00000000')
              from generate_series(1, :count) n""")
        .param("base", nipBase)
        .param("code", code)
        .param("units", UNITS)
        .param("count", EMPLOYEES - 1)
        .update();
    long review =
        jdbc.sql(
                """
                insert into unit_review (unit_code, period_year, period, unit_predikat, status, started_by)
                values (:code, :year, 'ANNUAL', 'BAIK', 'FINAL', 'test') returning id""")
            .param("code", code)
            .param("year", year)
            .query(Long.class)
            .single();
    // predikat by the last digit of the sequence: 1 Sangat Baik, 6 Baik, 2 Butuh Perbaikan, 1
    // Kurang
    jdbc.sql(
            """
            insert into evaluation (unit_review_id, employee_nip, period_year, period, rating_hasil_kerja,
                                    rating_perilaku, predikat, status)
            select :review, e.nip, :year, 'ANNUAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI',
                   case (right(e.nip, 8)::int % 10) when 0 then 'SANGAT_BAIK' when 7 then 'BUTUH_PERBAIKAN'
                        when 8 then 'BUTUH_PERBAIKAN' when 9 then 'KURANG_MISCONDUCT' else 'BAIK' end,
                   case when right(e.nip, 8)::int % 50 = 1 then 'RATED' else 'DELIVERED' end
              from employee e where e.nip like :base || '%'""")
        .param("review", review)
        .param("year", year)
        .param("base", nipBase)
        .update();
    jdbc.sql(
            """
            insert into skp (employee_nip, period_year, process_instance_key, status)
            select e.nip, :year, -(right(e.nip, 8)::bigint + :offset),
                   case when right(e.nip, 8)::int % 20 = 3 then 'SUBMITTED' else 'APPROVED' end
              from employee e where e.nip like :base || '%' and right(e.nip, 8)::int % 100 <> 5""")
        .param("year", year)
        .param("offset", ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000L))
        .param("base", nipBase)
        .update();
    // as autovacuum would after such a load: the planner must know the tables are large now
    jdbc.sql("analyze employee, evaluation, skp, org_unit").update();
    long user =
        jdbc.sql(
                """
                insert into app_user (username, password_hash, employee_id)
                values (:u, :hash, (select id from employee where nip = :base || '00000001')) returning id""")
            .param("u", officer)
            .param("hash", passwordHash)
            .param("base", nipBase)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into app_user_role (user_id, role) values (:u, 'PEGAWAI'), (:u, 'PENGELOLA_KINERJA')")
        .param("u", user)
        .update();
  }

  /** Counts of the records: delivered results of a predikat (or all of them when null). */
  long delivered(String predikat, String unitCode) {
    return jdbc.sql(
            """
            select count(*) from evaluation ev join employee e on e.nip = ev.employee_nip
              join org_unit u on u.id = e.unit_id
             where ev.employee_nip like :base || '%' and ev.period_year = :year and ev.status = 'DELIVERED'
               and (cast(:predikat as text) is null or ev.predikat = :predikat)
               and (u.code = :unit or u.parent_id = (select id from org_unit where code = :unit))""")
        .param("base", nipBase)
        .param("year", year)
        .param("predikat", predikat)
        .param("unit", unitCode)
        .query(Long.class)
        .single();
  }

  long skps(String status) {
    return jdbc.sql(
            "select count(*) from skp where employee_nip like :base || '%' and period_year = :year and status = :status")
        .param("base", nipBase)
        .param("year", year)
        .param("status", status)
        .query(Long.class)
        .single();
  }

  void remove() {
    String like = nipBase + "%";
    jdbc.sql(
            "delete from app_user_role where user_id in (select id from app_user where username = :u)")
        .param("u", officer)
        .update();
    jdbc.sql("delete from app_user where username = :u").param("u", officer).update();
    jdbc.sql("delete from evaluation where employee_nip like :like").param("like", like).update();
    jdbc.sql("delete from unit_review where unit_code = :code").param("code", code).update();
    jdbc.sql("delete from skp where employee_nip like :like").param("like", like).update();
    jdbc.sql("delete from export_job where unit_code like :code || '%'")
        .param("code", code)
        .update();
    jdbc.sql("delete from employee where nip like :like").param("like", like).update();
    jdbc.sql("delete from org_unit where code like :code || '%'").param("code", code).update();
  }
}
