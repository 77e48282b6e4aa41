package id.kinerja.organisation;

import static id.kinerja.organisation.OrganisationFiles.EMPLOYEES_HEADER;
import static id.kinerja.organisation.OrganisationFiles.UNITS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.OrganisationFiles.Upload;
import id.kinerja.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin loads an agency's units and people from the files its staff keep (CSV, XLSX): all or
 * nothing, a report per row, and importing the same files again changes nothing.
 */
class OrganisationImportTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  @Autowired JdbcClient jdbc;

  final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

  /** A valid NIP: birth date, TMT in March 25 years later, gender, sequence. */
  static String nip(LocalDate birth, int gender, int sequence) {
    return "%s%04d03%d%03d"
        .formatted(birth.toString().replace("-", ""), birth.getYear() + 25, gender, sequence);
  }

  @Test
  void unitsFromCsvAndPeopleFromXlsxAreImportedTogetherAndImportingAgainChangesNothing() {
    String agency = "DISDUK-" + suffix;
    String kadis = nip(LocalDate.of(1971, 2, 3), 1, 501);
    String kabid = nip(LocalDate.of(1978, 4, 5), 2, 502);
    String staff = nip(LocalDate.of(1994, 6, 7), 1, 503);
    // a parent later in the file, a name with a comma in quotes, the head in the parent unit
    Upload units =
        Upload.csv(
            "unit.csv",
            UNITS_HEADER
                + "BID-%s,\"Bidang Pelayanan, Pendaftaran dan Pencatatan\",%s,%s\n"
                    .formatted(suffix, agency, kabid)
                + "%s,Dinas Kependudukan dan Pencatatan Sipil,,%s\n".formatted(agency, kadis));
    Upload employees =
        OrganisationFiles.xlsx(
            "pegawai.xlsx",
            List.of(
                List.of(EMPLOYEES_HEADER.strip().split(",")),
                List.of(
                    staff,
                    "Putu Ayu, S.Kom.",
                    "Pranata Komputer Ahli Pertama",
                    "III/a",
                    "PNS",
                    "BID-" + suffix,
                    kabid,
                    "",
                    "fungsional"),
                List.of(
                    kadis,
                    "Lalu Wirajaya",
                    "Kepala Dinas",
                    "IV/c",
                    "PNS",
                    agency,
                    "",
                    "",
                    "Struktural"),
                List.of(
                    kabid,
                    "Baiq Hartini",
                    "Kepala Bidang Pelayanan",
                    "IV/a",
                    "PNS",
                    agency,
                    kadis,
                    "hartini@example.test",
                    "STRUKTURAL")));

    JsonNode dryRun =
        ok(OrganisationFiles.upload(http, "admin", "demo", units, employees, true, "id"));
    assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.path("imported").asBoolean()).isFalse();
    assertThat(counts(dryRun)).isEqualTo("units 2/0/0 employees 3/0/0");
    assertThat(organisation.unit(agency)).isEmpty();

    JsonNode imported =
        ok(OrganisationFiles.upload(http, "admin", "demo", units, employees, false, "id"));
    assertThat(imported.path("imported").asBoolean()).isTrue();
    assertThat(counts(imported)).isEqualTo("units 2/0/0 employees 3/0/0");
    Employee putu = organisation.byNip(staff).orElseThrow();
    assertThat(putu.name()).isEqualTo("Putu Ayu, S.Kom.");
    assertThat(organisation.unit("BID-" + suffix).orElseThrow().name())
        .isEqualTo("Bidang Pelayanan, Pendaftaran dan Pencatatan");
    assertThat(organisation.rater(putu)).get().extracting(Employee::nip).isEqualTo(kabid);
    assertThat(organisation.agencyOf(putu).code()).isEqualTo(agency);
    assertThat(putu.username()).isEqualTo(staff);
    assertThat(
            jdbc.sql("select position_type from employee where nip = :nip")
                .param("nip", kadis)
                .query(String.class)
                .single())
        .isEqualTo("STRUKTURAL");

    JsonNode again =
        ok(OrganisationFiles.upload(http, "admin", "demo", units, employees, false, "id"));
    assertThat(counts(again)).isEqualTo("units 0/0/2 employees 0/0/3");

    Upload renamed =
        Upload.csv(
            "unit.csv",
            UNITS_HEADER
                + "BID-%s,Bidang Pelayanan Pendaftaran Penduduk,%s,%s\n"
                    .formatted(suffix, agency, kabid));
    assertThat(
            counts(ok(OrganisationFiles.upload(http, "admin", "demo", renamed, null, false, "id"))))
        .isEqualTo("units 0/1/0 employees 0/0/0");
  }

  @Test
  void aWrongFileChangesNothingAndEveryErrorNamesItsFileRowAndField() {
    String agency = "DINKES-" + suffix;
    String head = nip(LocalDate.of(1972, 3, 4), 1, 601);
    String a = nip(LocalDate.of(1990, 1, 2), 2, 602);
    String b = nip(LocalDate.of(1991, 1, 2), 1, 603);
    Upload units =
        Upload.csv(
            "units.csv",
            UNITS_HEADER
                + "%s,Dinas Kesehatan,,%s\n".formatted(agency, head)
                + "A-%s,Bidang A,B-%s,\n"
                    .formatted(suffix, suffix) // A and B are each other's parent
                + "B-%s,Bidang B,A-%s,\n".formatted(suffix, suffix)
                + "C-%s,Bidang C,TIDAK-ADA,\n".formatted(suffix)
                + "C-%s,Bidang C lagi,%s,%s\n"
                    .formatted(suffix, agency, a)); // duplicate; a is elsewhere
    Upload employees = healthEmployees(head, a, b, agency, "=HYPERLINK(\"http://x\")");
    long unitsBefore = count("org_unit");
    long employeesBefore = count("employee");

    ResponseEntity<JsonNode> indonesian =
        OrganisationFiles.upload(http, "admin", "demo", units, employees, false, "id");
    ResponseEntity<JsonNode> english =
        OrganisationFiles.upload(http, "admin", "demo", units, employees, false, "en");

    assertThat(indonesian.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    // a formula stops the file before anything else is checked: it is never calculated
    assertThat(codes(indonesian.getBody())).containsExactly("employees:6:name:import.formula");
    assertThat(message(english.getBody(), 0))
        .isEqualTo(
            "The cell holds the formula '=HYPERLINK(\"http://x\")': formulas are not calculated, type the value.");

    Upload withoutFormula = healthEmployees(head, a, b, agency, "Pegawai E");
    ResponseEntity<JsonNode> report =
        OrganisationFiles.upload(http, "admin", "demo", units, withoutFormula, false, "id");

    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(codes(report.getBody()))
        .containsExactly(
            "units:3:parent_code:import.unitCycle",
            "units:4:parent_code:import.unitCycle",
            "units:5:parent_code:import.unknownParent",
            "units:6:code:import.duplicateUnit",
            "units:6:head_nip:import.headNotInUnit",
            "employees:3:superior_nip:import.superiorCycle",
            "employees:4:superior_nip:import.superiorCycle",
            "employees:5:nip:nip.birthDate",
            "employees:6:position_type:import.positionType");
    assertThat(message(report.getBody(), 0))
        .isEqualTo(
            "Unit 'A-%s' akan menjadi induk dari dirinya sendiri (rantai unit induk berputar)."
                .formatted(suffix));
    assertThat(report.getBody().path("imported").asBoolean()).isFalse();
    assertThat(count("org_unit")).isEqualTo(unitsBefore);
    assertThat(count("employee")).isEqualTo(employeesBefore);
  }

  @Test
  void filesOverTenMegabytesOrFiftyThousandRowsAreRefusedWhole() {
    var rows = new StringBuilder(UNITS_HEADER);
    for (int i = 0; i <= 50_000; i++) {
      rows.append("U").append(i).append(",Unit ").append(i).append(",,\n");
    }
    ResponseEntity<JsonNode> tooMany =
        OrganisationFiles.upload(
            http, "admin", "demo", Upload.csv("units.csv", rows.toString()), null, true, "en");
    assertThat(codes(tooMany.getBody())).containsExactly("units:0::import.tooManyRows");
    assertThat(message(tooMany.getBody(), 0)).isEqualTo("The file has more than 50000 rows.");

    byte[] big = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'x');
    ResponseEntity<JsonNode> tooLarge =
        OrganisationFiles.upload(
            http, "admin", "demo", null, new Upload("pegawai.csv", big), true, "id");
    assertThat(codes(tooLarge.getBody())).containsExactly("employees:0::import.tooLarge");
    assertThat(message(tooLarge.getBody(), 0)).isEqualTo("Berkas lebih besar dari 10 MB.");
  }

  @Test
  void onlyAdminsImportTheOrganisation() {
    Upload units = Upload.csv("units.csv", UNITS_HEADER);
    for (String user : List.of("pegawai1", "pengelola", "pengelola-kominfo")) {
      assertThat(
              OrganisationFiles.upload(http, user, "demo", units, null, true, "en").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  /** Five people of the health agency; the last one's name cell is given (a formula, or not). */
  private Upload healthEmployees(String head, String a, String b, String agency, String lastName) {
    return OrganisationFiles.xlsx(
        "employees.xlsx",
        List.of(
            List.of(EMPLOYEES_HEADER.strip().split(",")),
            List.of(
                head, "Kepala Dinas Kesehatan", "Kepala Dinas", "IV/c", "PNS", agency, "", "", ""),
            List.of(a, "Pegawai A", "Analis", "III/a", "PNS", "A-" + suffix, b, "", ""),
            List.of(b, "Pegawai B", "Analis", "III/a", "PNS", "B-" + suffix, a, "", ""),
            List.of(
                "199302302018031099",
                "Tanggal Salah",
                "Analis",
                "III/a",
                "PNS",
                agency,
                "",
                "",
                ""),
            List.of(
                nip(LocalDate.of(1992, 5, 6), 1, 604),
                lastName,
                "Analis",
                "III/a",
                "PNS",
                agency,
                "",
                "",
                "manajer")));
  }

  private static JsonNode ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static String counts(JsonNode report) {
    JsonNode u = report.path("units");
    JsonNode e = report.path("employees");
    return "units %d/%d/%d employees %d/%d/%d"
        .formatted(
            u.path("created").asInt(),
            u.path("updated").asInt(),
            u.path("unchanged").asInt(),
            e.path("created").asInt(),
            e.path("updated").asInt(),
            e.path("unchanged").asInt());
  }

  private static List<String> codes(JsonNode report) {
    var codes = new ArrayList<String>();
    report
        .path("errors")
        .forEach(
            e ->
                codes.add(
                    e.path("file").asText()
                        + ":"
                        + e.path("row").asInt()
                        + ":"
                        + e.path("field").asText()
                        + ":"
                        + e.path("code").asText()));
    return codes;
  }

  private static String message(JsonNode report, int index) {
    return report.path("errors").get(index).path("message").asText();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
