package id.kinerja.organisation;

import static id.kinerja.organisation.OrganisationFiles.EMPLOYEES_HEADER;
import static id.kinerja.organisation.OrganisationFiles.UNITS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.EngineClock;
import id.kinerja.organisation.OrganisationFiles.Upload;
import id.kinerja.support.Api;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check of issue 11: a generated agency of several dozen units of chosen sizes is imported
 * through the API, its year opened, and an annual review walked through the API for each section
 * with the unit predikat and ratings of each case. The predikat of every employee and the curve
 * violations of every unit are compared with an oracle written here from rules.md, independently of
 * the DMN tables and CurveCheck. A Pengelola Kinerja of the new agency sees its calibrations and
 * nobody else's; the Diskominfo's sees none of them.
 */
class GeneratedAgencyTest extends IntegrationTest {

  static final int BIDANG = 5;
  static final int SEKSI_PER_BIDANG = 6; // 1 + 5 + 30 = 36 units
  static final int[] STAFF = {1, 2, 3, 4, 6, 9}; // people below each section head
  static final String PASSWORD = "kata-sandi-uji-2031";
  static final List<String> RATINGS =
      List.of("DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI");
  static final List<String> UNIT_PREDIKAT =
      List.of("ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG");

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired EngineClock clock;
  @LocalServerPort int port;

  final String suffix = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
  final Random random = new Random(11);
  int sequence = 0;

  record Person(String nip, String unit, String superior) {}

  @Test
  void aGeneratedAgencyIsImportedAndEachSectionReviewedAsTheOracleSays() {
    String agency = "BAPPEDA-" + suffix;
    var units = new StringBuilder(UNITS_HEADER);
    List<List<String>> employees = new ArrayList<>();
    employees.add(List.of(EMPLOYEES_HEADER.strip().split(",")));
    Map<String, String> planned = new HashMap<>(); // NIP -> "hasil kerja/perilaku"
    Map<String, String> unitPredikat = new LinkedHashMap<>(); // section -> predikat organisasi
    Map<String, List<String>> members = new LinkedHashMap<>(); // section -> NIPs reviewed in it
    Set<String> raters = new TreeSet<>();

    String kaban = person(employees, agency, null, "Kepala Badan", "IV/c", "struktural");
    units.append("%s,Badan Perencanaan Pembangunan Daerah,,%s\n".formatted(agency, kaban));
    int section = 0;
    for (int b = 1; b <= BIDANG; b++) {
      String bidang = "B%d-%s".formatted(b, suffix);
      String kabid = person(employees, bidang, kaban, "Kepala Bidang " + b, "IV/a", "struktural");
      raters.add(kabid);
      units.append(
          "%s,\"Bidang %d, Perencanaan dan Evaluasi\",%s,%s\n".formatted(bidang, b, agency, kabid));
      for (int s = 1; s <= SEKSI_PER_BIDANG; s++, section++) {
        String seksi = "S%d%d-%s".formatted(b, s, suffix);
        String kasi =
            person(
                employees, seksi, kabid, "Kepala Subbidang " + b + "." + s, "III/d", "struktural");
        raters.add(kasi);
        units.append("%s,Subbidang %d.%d,%s,%s\n".formatted(seksi, b, s, bidang, kasi));
        var reviewed = new ArrayList<String>(List.of(kasi));
        for (int p = 0; p < STAFF[section % STAFF.length]; p++) {
          reviewed.add(
              person(employees, seksi, kasi, "Perencana Ahli Pertama", "III/a", "fungsional"));
        }
        members.put(seksi, reviewed);
        unitPredikat.put(seksi, UNIT_PREDIKAT.get(section % UNIT_PREDIKAT.size()));
        for (String nip : reviewed) {
          planned.put(nip, pickRatings(unitPredikat.get(seksi)));
        }
        // the head's hasil kerja is the unit's result (rules.md): only perilaku is the rater's
        String headPerilaku = planned.get(kasi).split("/")[1];
        planned.put(kasi, headsHasilKerja(unitPredikat.get(seksi)) + "/" + headPerilaku);
      }
    }
    int people = employees.size() - 1;
    Upload unitsFile = Upload.csv("unit-kerja.csv", units.toString());
    Upload employeesFile = OrganisationFiles.xlsx("pegawai.xlsx", employees);

    // imported through the API; the same files again change nothing
    JsonNode report =
        ok(OrganisationFiles.upload(http, "admin", "demo", unitsFile, employeesFile, false, "id"));
    assertThat(report.path("units").path("created").asInt())
        .isEqualTo(1 + BIDANG * (1 + SEKSI_PER_BIDANG));
    assertThat(report.path("employees").path("created").asInt()).isEqualTo(people);
    JsonNode again =
        ok(OrganisationFiles.upload(http, "admin", "demo", unitsFile, employeesFile, false, "id"));
    assertThat(again.path("units").path("unchanged").asInt()).isEqualTo(36);
    assertThat(again.path("employees").path("unchanged").asInt()).isEqualTo(people);

    // the agency head is rated by the Sekda and appeals to the Wali Kota [C]
    for (var official :
        List.of(
            List.of("RATER", "sekda", "Sekretaris Daerah"),
            List.of("APPEAL_DECIDER", "walikota", "Wali Kota"))) {
      assertThat(
              send(
                      "admin",
                      "demo",
                      HttpMethod.PUT,
                      "/api/organisation/agencies/" + agency + "/officials/" + official.get(0),
                      Map.of(
                          "username",
                          official.get(1),
                          "name",
                          "Pejabat " + official.get(1),
                          "position",
                          official.get(2)))
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    JsonNode head = get("pengelola", "demo", "/api/organisation/employees/" + kaban);
    assertThat(head.path("rater").path("name").asText()).isEqualTo("Pejabat sekda");
    assertThat(head.path("appealDecider").path("name").asText()).isEqualTo("Pejabat walikota");

    // the admin gives the first rater a password through the API; the others get the same hash
    // (BCrypt is slow on purpose), then all sign in; one of the agency's people becomes its
    // Pengelola Kinerja
    String officer = members.values().iterator().next().get(1);
    Set<String> everyone = new TreeSet<>(raters);
    everyone.addAll(planned.keySet());
    password(raters.iterator().next());
    jdbc.sql(
            "update app_user set password_hash = (select password_hash from app_user where username = :first) where username in (:users)")
        .param("first", raters.iterator().next())
        .param("users", new ArrayList<>(concat(everyone, officer)))
        .update();
    // raters rate; everyone reviewed first sends the self-assessment asked before each rating
    Map<String, Session> sessions = new ConcurrentHashMap<>();
    everyone.parallelStream().forEach(r -> sessions.put(r, Session.signIn(port, r, PASSWORD)));
    assertThat(
            send(
                    "admin",
                    "demo",
                    HttpMethod.PUT,
                    "/api/admin/users/" + officer + "/roles",
                    Map.of("roles", List.of("PEGAWAI", "PENGELOLA_KINERJA")))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Session officerSession = Session.signIn(port, officer, PASSWORD);

    // the year is opened for the whole agency by its own Pengelola Kinerja: everyone has a rater
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 5;
    JsonNode opening =
        officerSession
            .send("POST", "/api/periods", Map.of("unitCode", agency, "year", year))
            .body();
    assertThat(opening.path("started").size()).as(String.valueOf(opening)).isEqualTo(people);
    assertThat(
            send(
                    "pengelola-kominfo",
                    "demo",
                    HttpMethod.POST,
                    "/api/periods",
                    Map.of("unitCode", agency, "year", year))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // every section's annual review: the head sets the predikat, the raters rate
    for (String seksi : members.keySet()) {
      assertThat(
              officerSession
                  .send(
                      "POST",
                      "/api/reviews",
                      Map.of("unitCode", seksi, "year", year, "period", "ANNUAL"))
                  .status())
          .isEqualTo(200);
    }
    int expected = members.size() + 2 * planned.size();
    Set<Long> done = new HashSet<>();
    Set<Long> others = new HashSet<>(); // their own SKP drafts, not part of the review
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (String person : everyone) {
                Session session = sessions.get(person);
                for (JsonNode task : session.get("/api/tasks?size=200").path("items")) {
                  long id = task.path("id").asLong();
                  if (done.contains(id)
                      || others.contains(id)
                      || task.path("periodYear").asInt() != year) {
                    continue;
                  }
                  JsonNode detail = session.get("/api/tasks/" + id);
                  Map<String, Object> values =
                      switch (detail.path("elementId").asText()) {
                        case "set-unit-predikat" ->
                            Map.of(
                                "predikatOrganisasi",
                                unitPredikat.get(
                                    detail.path("variables").path("unitCode").asText()));
                        case "self-assess" -> Api.selfAssessment(detail, "SESUAI_EKSPEKTASI");
                        case "rate" -> {
                          String[] ratings =
                              planned.get(task.path("employeeNip").asText()).split("/");
                          yield Api.ofUnitHead(detail)
                              ? Map.of("ratingPerilaku", ratings[1])
                              : Map.of(
                                  "ratingHasilKerja", ratings[0], "ratingPerilaku", ratings[1]);
                        }
                        default -> null;
                      };
                  if (values == null) {
                    others.add(id);
                  }
                  if (values != null) {
                    Session.Answer completed =
                        session.send("POST", "/api/tasks/" + id + "/complete", values);
                    assertThat(completed.status()).as(completed.text()).isEqualTo(204);
                    done.add(id);
                  }
                }
              }
              return done.size() == expected;
            });

    // the curve of each section as the oracle reads rules.md
    Map<String, Set<String>> violations = new LinkedHashMap<>();
    members.forEach(
        (seksi, nips) ->
            violations.put(
                seksi,
                oracleViolations(
                    unitPredikat.get(seksi),
                    nips.stream().map(n -> oraclePredikat(planned.get(n))).toList())));
    assertThat(violations.values().stream().filter(v -> !v.isEmpty()).count())
        .as("the generated cases include sections that break the curve and sections that keep it")
        .isBetween(5L, members.size() - 5L);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> members.keySet().stream().allMatch(seksi -> curveChecked(seksi, year)));
    for (String seksi : members.keySet()) {
      assertThat(recordedViolations(seksi, year))
          .as(seksi + " " + unitPredikat.get(seksi))
          .isEqualTo(violations.get(seksi));
    }

    // the agency's own officer finalises the broken curves; the Diskominfo's sees none of them
    Set<String> justified = new HashSet<>();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              for (JsonNode task :
                  officerSession.get("/api/tasks?view=GROUP&size=200").path("items")) {
                JsonNode detail = officerSession.get("/api/tasks/" + task.path("id").asLong());
                String seksi = detail.path("variables").path("unitCode").asText();
                if (detail.path("elementId").asText().equals("calibrate")
                    && members.containsKey(seksi)
                    && justified.add(seksi)) {
                  assertThat(
                          officerSession
                              .send(
                                  "POST",
                                  "/api/tasks/" + task.path("id").asLong() + "/complete",
                                  Map.of(
                                      "calibrationAction",
                                      "JUSTIFY",
                                      "justification",
                                      "Kasus uji kalibrasi " + seksi + " disepakati."))
                              .status())
                      .isEqualTo(204);
                }
              }
              return justified.size()
                  == violations.values().stream().filter(v -> !v.isEmpty()).count();
            });
    assertThat(justified)
        .isEqualTo(
            new HashSet<>(
                violations.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .toList()));
    for (JsonNode task :
        get("pengelola-kominfo", "demo", "/api/tasks?view=GROUP&size=200").path("items")) {
      JsonNode detail = get("pengelola-kominfo", "demo", "/api/tasks/" + task.path("id").asLong());
      assertThat(detail.path("variables").path("unitCode").asText("")).isNotIn(members.keySet());
    }
    // Diskominfo's officer sees none of the generated agency's reviews (other tests may have run
    // Diskominfo's own in the same year)
    for (JsonNode review : get("pengelola-kominfo", "demo", "/api/reviews?year=" + year)) {
      assertThat(review.path("unitCode").asText()).isNotIn(members.keySet());
    }
    assertThat(officerSession.get("/api/reviews?year=" + year)).hasSize(members.size());

    // every result delivered, each predikat as the matrix in rules.md says
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> delivered(year, planned.keySet()) == planned.size());
    Map<String, String> recorded = new HashMap<>();
    jdbc.sql(
            "select employee_nip, predikat from evaluation where period_year = :year and employee_nip in (:nips)")
        .param("year", year)
        .param("nips", planned.keySet())
        .query(
            rs -> {
              recorded.put(rs.getString(1), rs.getString(2));
            });
    planned.forEach(
        (nip, ratings) ->
            assertThat(recorded.get(nip))
                .as(nip + " " + ratings)
                .isEqualTo(oraclePredikat(ratings)));
  }

  /** rules.md's default mapping of the unit predikat to its head's hasil kerja [C]. */
  private static String headsHasilKerja(String unitPredikat) {
    return switch (unitPredikat) {
      case "ISTIMEWA" -> "DI_ATAS_EKSPEKTASI";
      case "BAIK" -> "SESUAI_EKSPEKTASI";
      default -> "DI_BAWAH_EKSPEKTASI";
    };
  }

  /** Ratings drawn so that each unit predikat's curve is sometimes met and sometimes broken. */
  private String pickRatings(String unitPredikat) {
    int bias = UNIT_PREDIKAT.indexOf(unitPredikat); // better units lean to better ratings
    String hasilKerja =
        RATINGS.get(
            Math.min(2, Math.max(0, random.nextInt(3) + (bias >= 2 ? 1 : bias == 0 ? -1 : 0))));
    String perilaku = RATINGS.get(random.nextInt(10) < 8 ? 1 : random.nextInt(3));
    return hasilKerja + "/" + perilaku;
  }

  /** rules.md, "Predikat kinerja pegawai, by matrix". */
  static String oraclePredikat(String ratings) {
    String[] r = ratings.split("/");
    String hk = r[0];
    String pk = r[1];
    if (pk.equals("DI_BAWAH_EKSPEKTASI")) {
      return hk.equals("DI_BAWAH_EKSPEKTASI") ? "SANGAT_KURANG" : "KURANG_MISCONDUCT";
    }
    if (hk.equals("DI_BAWAH_EKSPEKTASI")) {
      return "BUTUH_PERBAIKAN";
    }
    return hk.equals("DI_ATAS_EKSPEKTASI") && pk.equals("DI_ATAS_EKSPEKTASI")
        ? "SANGAT_BAIK"
        : "BAIK";
  }

  /** rules.md, "Distribution curve", compared exactly on whole people; ties count as largest. */
  static Set<String> oracleViolations(String unit, List<String> predikat) {
    int n = predikat.size();
    Map<String, Integer> count = new HashMap<>();
    predikat.forEach(p -> count.merge(p, 1, Integer::sum));
    int sb = count.getOrDefault("SANGAT_BAIK", 0);
    int b = count.getOrDefault("BAIK", 0);
    int bp = count.getOrDefault("BUTUH_PERBAIKAN", 0);
    int km = count.getOrDefault("KURANG_MISCONDUCT", 0);
    int sk = count.getOrDefault("SANGAT_KURANG", 0);
    int largestOfAll = count.values().stream().max(Integer::compare).orElse(0);
    Set<String> broken = new TreeSet<>();
    switch (unit) {
      case "ISTIMEWA" -> {
        if (sb < largestOfAll) broken.add("ISTIMEWA_SB_TERBESAR");
        if (sb * 100 > 70 * n) broken.add("ISTIMEWA_SB_MAKS");
      }
      case "BAIK" -> {
        if (b < largestOfAll) broken.add("BAIK_B_TERBESAR");
        if (b * 100 > 70 * n) broken.add("BAIK_B_MAKS");
        if (bp + km < 1) broken.add("BAIK_BP_KM_ADA");
      }
      case "BUTUH_PERBAIKAN" -> {
        if (bp * 100 < 60 * n) broken.add("BUTUH_PERBAIKAN_BP_MIN");
        if (sb * 100 > 10 * n) broken.add("BUTUH_PERBAIKAN_SB_MAKS");
      }
      case "KURANG" -> {
        if (km * 100 < 60 * n) broken.add("KURANG_KM_MIN");
        if (bp * 100 < 10 * n) broken.add("KURANG_BP_MIN");
        if (sb * 100 > 10 * n) broken.add("KURANG_SB_MAKS");
      }
      default -> {
        if (sk * 100 < 60 * n) broken.add("SANGAT_KURANG_SK_MIN");
        if ((km + bp) * 100 < 10 * n) broken.add("SANGAT_KURANG_KM_BP_MIN");
        if (sb > 0) broken.add("SANGAT_KURANG_SB_NIHIL");
      }
    }
    return broken;
  }

  private String person(
      List<List<String>> employees,
      String unit,
      String superior,
      String position,
      String grade,
      String type) {
    int index = ++sequence;
    LocalDate birth =
        LocalDate.of(1975, 1, 1).plusDays(index * 37L + suffix.hashCode() % 300 + 300);
    String nip =
        "%s%04d03%d%03d"
            .formatted(
                birth.toString().replace("-", ""),
                birth.getYear() + 25,
                1 + index % 2,
                100 + index % 900);
    employees.add(
        List.of(
            nip,
            "Pegawai " + suffix + " " + index,
            position,
            grade,
            "PNS",
            unit,
            superior == null ? "" : superior,
            "",
            type));
    return nip;
  }

  private boolean curveChecked(String unit, int year) {
    return jdbc.sql(
            "select violations is not null from unit_review where unit_code = :unit and period_year = :year")
        .param("unit", unit)
        .param("year", year)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private Set<String> recordedViolations(String unit, int year) {
    String json =
        jdbc.sql(
                "select violations::text from unit_review where unit_code = :unit and period_year = :year")
            .param("unit", unit)
            .param("year", year)
            .query(String.class)
            .single();
    Set<String> codes = new TreeSet<>();
    try {
      new ObjectMapper().readTree(json).forEach(v -> codes.add(v.path("code").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }

  private long delivered(int year, Set<String> nips) {
    return jdbc.sql(
            "select count(*) from evaluation where period_year = :year and status = 'DELIVERED' and employee_nip in (:nips)")
        .param("year", year)
        .param("nips", nips)
        .query(Long.class)
        .single();
  }

  private static Set<String> concat(Set<String> some, String one) {
    var all = new TreeSet<>(some);
    all.add(one);
    return all;
  }

  private void password(String username) {
    assertThat(
            send(
                    "admin",
                    "demo",
                    HttpMethod.PUT,
                    "/api/admin/users/" + username + "/password",
                    Map.of("password", PASSWORD))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private JsonNode get(String user, String password, String path) {
    return http.withBasicAuth(user, password).getForObject(path, JsonNode.class);
  }

  private ResponseEntity<JsonNode> send(
      String user, String password, HttpMethod method, String path, Object body) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    return http.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
