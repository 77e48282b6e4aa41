package id.kinerja.organisation;

import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation, seeded into an empty database when kinerja.demo.enabled (the embedded
 * profile): the Dinas Komunikasi dan Informatika of Kota Mataram, three levels, 30 employees, and
 * the demo users (password "demo").
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "kinerja.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  private record Unit(String code, String name, String parent) {}

  private record Person(
      String key,
      String name,
      String position,
      String grade,
      String type,
      String unit,
      String superior,
      char gender,
      String birthDate,
      String username,
      List<Role> roles) {}

  private static final List<Unit> UNITS =
      List.of(
          new Unit("DISKOMINFO", "Dinas Komunikasi dan Informatika Kota Mataram", null),
          new Unit("SEKRETARIAT", "Sekretariat", "DISKOMINFO"),
          new Unit("SUBBAG-UMPEG", "Subbagian Umum dan Kepegawaian", "SEKRETARIAT"),
          new Unit("SUBBAG-KEU", "Subbagian Keuangan dan Aset", "SEKRETARIAT"),
          new Unit("BIDANG-IKP", "Bidang Informasi dan Komunikasi Publik", "DISKOMINFO"),
          new Unit("SEKSI-LIP", "Seksi Layanan Informasi Publik", "BIDANG-IKP"),
          new Unit("SEKSI-KP", "Seksi Kemitraan dan Publikasi", "BIDANG-IKP"),
          new Unit("BIDANG-APTIKA", "Bidang Aplikasi Informatika", "DISKOMINFO"),
          new Unit("SEKSI-EGOV", "Seksi Tata Kelola E-Government", "BIDANG-APTIKA"),
          new Unit(
              "SEKSI-INFRA",
              "Seksi Infrastruktur Teknologi Informasi dan Komunikasi",
              "BIDANG-APTIKA"));

  private static final List<Role> PEGAWAI = List.of(Role.PEGAWAI);

  /** Unit heads first: every superior is listed before the people they rate. */
  private static final List<Person> PEOPLE =
      List.of(
          new Person(
              "kadis",
              "Lalu Muhammad Iqbal",
              "Kepala Dinas",
              "IV/c",
              "PNS",
              "DISKOMINFO",
              null,
              '1',
              "1972-04-12",
              null,
              PEGAWAI),
          new Person(
              "sekretaris",
              "Baiq Nurul Hidayati",
              "Sekretaris",
              "IV/b",
              "PNS",
              "SEKRETARIAT",
              "kadis",
              '2',
              "1975-08-23",
              null,
              PEGAWAI),
          new Person(
              "kabid-ikp",
              "Lalu Ahmad Zaini",
              "Kepala Bidang Informasi dan Komunikasi Publik",
              "IV/a",
              "PNS",
              "BIDANG-IKP",
              "kadis",
              '1',
              "1976-01-30",
              "atasan2",
              PEGAWAI),
          new Person(
              "kabid-aptika",
              "I Gusti Ngurah Putra Wijaya",
              "Kepala Bidang Aplikasi Informatika",
              "IV/a",
              "PNS",
              "BIDANG-APTIKA",
              "kadis",
              '1',
              "1977-11-05",
              null,
              PEGAWAI),
          new Person(
              "kasubbag-umpeg",
              "Siti Aminah",
              "Kepala Subbagian Umum dan Kepegawaian",
              "III/d",
              "PNS",
              "SUBBAG-UMPEG",
              "sekretaris",
              '2',
              "1980-03-14",
              null,
              PEGAWAI),
          new Person(
              "kasubbag-keu",
              "Muhammad Zulkifli",
              "Kepala Subbagian Keuangan dan Aset",
              "III/d",
              "PNS",
              "SUBBAG-KEU",
              "sekretaris",
              '1',
              "1981-06-19",
              null,
              PEGAWAI),
          new Person(
              "kasi-lip",
              "Baiq Sri Rahmawati",
              "Kepala Seksi Layanan Informasi Publik",
              "III/d",
              "PNS",
              "SEKSI-LIP",
              "kabid-ikp",
              '2',
              "1982-09-02",
              "atasan1",
              PEGAWAI),
          new Person(
              "kasi-kp",
              "Zainul Arifin",
              "Kepala Seksi Kemitraan dan Publikasi",
              "III/d",
              "PNS",
              "SEKSI-KP",
              "kabid-ikp",
              '1',
              "1981-12-11",
              null,
              PEGAWAI),
          new Person(
              "kasi-egov",
              "Ni Made Ayu Lestari",
              "Kepala Seksi Tata Kelola E-Government",
              "III/d",
              "PNS",
              "SEKSI-EGOV",
              "kabid-aptika",
              '2',
              "1983-02-27",
              null,
              PEGAWAI),
          new Person(
              "kasi-infra",
              "Hendra Gunawan",
              "Kepala Seksi Infrastruktur TIK",
              "III/d",
              "PNS",
              "SEKSI-INFRA",
              "kabid-aptika",
              '1',
              "1982-05-08",
              null,
              PEGAWAI),
          new Person(
              "pegawai1",
              "Ahmad Fauzan",
              "Pranata Hubungan Masyarakat Ahli Pertama",
              "III/b",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '1',
              "1993-07-17",
              "pegawai1",
              PEGAWAI),
          new Person(
              "lip-2",
              "Dewi Kartika Sari",
              "Pranata Hubungan Masyarakat Ahli Muda",
              "III/c",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '2',
              "1987-10-03",
              null,
              PEGAWAI),
          new Person(
              "lip-3",
              "Rizky Ramadhan",
              "Analis Informasi Publik",
              "III/a",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '1',
              "1995-01-21",
              null,
              PEGAWAI),
          new Person(
              "lip-4",
              "Lale Septiana",
              "Penyusun Bahan Informasi dan Publikasi",
              "III/a",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '2',
              "1994-09-09",
              null,
              PEGAWAI),
          new Person(
              "lip-5",
              "Putu Eka Wijaya",
              "Pengelola Layanan Informasi",
              "II/d",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '1',
              "1992-04-26",
              null,
              PEGAWAI),
          new Person(
              "lip-6",
              "Nurul Aini",
              "Pengolah Data dan Informasi",
              "IX",
              "PPPK",
              "SEKSI-LIP",
              "kasi-lip",
              '2',
              "1996-12-13",
              null,
              PEGAWAI),
          new Person(
              "lip-7",
              "Khairul Anwar",
              "Arsiparis Terampil",
              "II/b",
              "PNS",
              "SEKSI-LIP",
              "kasi-lip",
              '1',
              "1997-03-31",
              null,
              PEGAWAI),
          new Person(
              "pengelola",
              "Fitri Handayani",
              "Analis Sumber Daya Manusia Aparatur Ahli Muda",
              "III/c",
              "PNS",
              "SUBBAG-UMPEG",
              "kasubbag-umpeg",
              '2',
              "1986-06-06",
              "pengelola",
              List.of(Role.PEGAWAI, Role.PENGELOLA_KINERJA)),
          new Person(
              "umpeg-2",
              "Agus Salim",
              "Pengelola Kepegawaian",
              "II/d",
              "PNS",
              "SUBBAG-UMPEG",
              "kasubbag-umpeg",
              '1',
              "1990-08-15",
              null,
              PEGAWAI),
          new Person(
              "umpeg-3",
              "Yuliana Safitri",
              "Pengadministrasi Umum",
              "V",
              "PPPK",
              "SUBBAG-UMPEG",
              "kasubbag-umpeg",
              '2',
              "1998-02-02",
              null,
              PEGAWAI),
          new Person(
              "keu-1",
              "Hj. Nurhasanah",
              "Bendahara",
              "III/a",
              "PNS",
              "SUBBAG-KEU",
              "kasubbag-keu",
              '2',
              "1985-11-24",
              null,
              PEGAWAI),
          new Person(
              "keu-2",
              "Wahyu Hidayat",
              "Analis Keuangan",
              "III/b",
              "PNS",
              "SUBBAG-KEU",
              "kasubbag-keu",
              '1',
              "1991-05-12",
              null,
              PEGAWAI),
          new Person(
              "kp-1",
              "Eka Purnamasari",
              "Pranata Hubungan Masyarakat Ahli Pertama",
              "III/a",
              "PNS",
              "SEKSI-KP",
              "kasi-kp",
              '2',
              "1994-04-04",
              null,
              PEGAWAI),
          new Person(
              "kp-2",
              "Sahnan",
              "Pengelola Media Sosial",
              "II/c",
              "PNS",
              "SEKSI-KP",
              "kasi-kp",
              '1',
              "1996-07-29",
              null,
              PEGAWAI),
          new Person(
              "pemilik",
              "Iwan Setiawan",
              "Pranata Komputer Ahli Muda",
              "III/c",
              "PNS",
              "SEKSI-EGOV",
              "kasi-egov",
              '1',
              "1988-10-10",
              "pemilik",
              List.of(Role.PEGAWAI, Role.PROCESS_OWNER)),
          new Person(
              "egov-2",
              "Dian Pratiwi",
              "Pranata Komputer Ahli Pertama",
              "III/a",
              "PNS",
              "SEKSI-EGOV",
              "kasi-egov",
              '2',
              "1995-06-18",
              null,
              PEGAWAI),
          new Person(
              "egov-3",
              "Andi Kurniawan",
              "Analis Sistem Informasi",
              "III/b",
              "PNS",
              "SEKSI-EGOV",
              "kasi-egov",
              '1',
              "1990-01-08",
              null,
              PEGAWAI),
          new Person(
              "infra-1",
              "Hairul Fikri",
              "Pranata Komputer Terampil",
              "II/d",
              "PNS",
              "SEKSI-INFRA",
              "kasi-infra",
              '1',
              "1993-03-03",
              null,
              PEGAWAI),
          new Person(
              "infra-2",
              "Novi Andriani",
              "Sandiman Ahli Pertama",
              "III/a",
              "PNS",
              "SEKSI-INFRA",
              "kasi-infra",
              '2',
              "1995-08-20",
              null,
              PEGAWAI),
          new Person(
              "infra-3",
              "Rina Marlina",
              "Teknisi Jaringan",
              "VII",
              "PPPK",
              "SEKSI-INFRA",
              "kasi-infra",
              '2',
              "1997-11-11",
              null,
              PEGAWAI));

  private final JdbcClient jdbc;
  private final Users users;
  private final PasswordEncoder passwords;

  DemoOrganisation(JdbcClient jdbc, Users users, PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from employee").query(Long.class).single() > 0) {
      return;
    }
    Map<String, Long> units = new HashMap<>();
    for (Unit unit : UNITS) {
      units.put(
          unit.code(),
          jdbc.sql(
                  "insert into org_unit (code, name, parent_id) values (:code, :name, :parent) returning id")
              .param("code", unit.code())
              .param("name", unit.name())
              .param("parent", unit.parent() == null ? null : units.get(unit.parent()))
              .query(Long.class)
              .single());
    }
    String hash = passwords.encode(PASSWORD); // BCrypt is slow on purpose: once for all demo users
    Map<String, Long> employees = new HashMap<>();
    int sequence = 1;
    for (Person person : PEOPLE) {
      String nip = nip(person, sequence++);
      long id =
          jdbc.sql(
                  """
                  insert into employee (nip, name, position, grade, employee_type, unit_id, superior_id, email)
                  values (:nip, :name, :position, :grade, :type, :unit, :superior, :email) returning id""")
              .param("nip", nip)
              .param("name", person.name())
              .param("position", person.position())
              .param("grade", person.grade())
              .param("type", person.type())
              .param("unit", units.get(person.unit()))
              .param(
                  "superior", person.superior() == null ? null : employees.get(person.superior()))
              .param(
                  "email",
                  (person.username() == null ? nip : person.username()) + "@demo.kinerja.local")
              .query(Long.class)
              .single();
      employees.put(person.key(), id);
      if (person.position().startsWith("Kepala") || person.position().equals("Sekretaris")) {
        jdbc.sql("update org_unit set head_employee_id = :id where code = :unit")
            .param("id", id)
            .param("unit", person.unit())
            .update();
      }
      users.save(person.username() == null ? nip : person.username(), hash, id, person.roles());
    }
    users.save("admin", hash, null, List.of(Role.ADMIN));
    log.info(
        "Seeded the demo organisation: {} units, {} employees; demo users sign in with password '{}'",
        UNITS.size(),
        PEOPLE.size(),
        PASSWORD);
  }

  /** A valid NIP: birth date, TMT in March 25 years later, gender, sequence. */
  static String nip(Person person, int sequence) {
    LocalDate birth = LocalDate.parse(person.birthDate());
    LocalDate tmt = birth.plusYears(25).withMonth(3);
    return "%s%04d%02d%c%03d"
        .formatted(
            birth.toString().replace("-", ""),
            tmt.getYear(),
            tmt.getMonthValue(),
            person.gender(),
            sequence);
  }
}
