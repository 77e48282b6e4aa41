package id.kinerja.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.coaching.TestAgency;
import id.kinerja.engine.Engine;
import id.kinerja.monitoring.CheckIns;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.planning.SkpRecords;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.Pdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documents of pegawai1's year in the demo unit SEKSI-LIP, walked through the processes: an SKP
 * returned once and then approved, the annual review, an appeal changed by atasan2. Each document
 * is read back with PDFBox and compared with the records, downloaded by everyone allowed and
 * refused to the others; its verification code is checked while current, after the appeal decision,
 * altered and unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentTest extends IntegrationTest {

  static final String UNIT = "SEKSI-LIP";

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  @Autowired ContextEngine clock;
  @Autowired Engine engine;
  @Autowired CheckIns checkIns;
  @Autowired SkpRecords skps;
  @Autowired JdbcClient jdbc;
  Api api;
  int year;
  Employee pegawai1;
  Employee colleague;
  long skpId;
  long evaluationId;

  @BeforeAll
  void walkTheYear() {
    api = new Api(http);
    // a year of its own: no other test reviews SEKSI-LIP in it
    year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 6;
    pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    colleague =
        organisation.employeesIn(UNIT).stream()
            .filter(e -> e.username() != null && !e.username().equals("pegawai1"))
            .filter(e -> !e.username().equals("atasan1"))
            .findFirst()
            .orElseThrow();

    long planning =
        engine.startProcess(
            "skp-planning",
            Map.of(
                "employeeNip",
                pegawai1.nip(),
                "employeeUsername",
                "pegawai1",
                "raterUsername",
                "atasan1",
                "periodYear",
                year));
    api.complete("pegawai1", task("pegawai1", "draft-skp", planning), skp("Versi pertama"));
    api.complete(
        "atasan1",
        task("atasan1", "review-skp", planning),
        Map.of("decision", "RETURN", "reviewNotes", "Tambahkan indikator kualitas layanan."));
    // a returned SKP comes back to its employee as a task of its own, with a new due date
    api.complete("pegawai1", task("pegawai1", "revise-skp", planning), skp("Perbaikan"));
    var expectations = new ArrayList<Map<String, Object>>();
    IntStream.rangeClosed(1, 7)
        .forEach(i -> expectations.add(Map.of("ekspektasi", "Ekspektasi nilai ke-" + i)));
    api.complete(
        "atasan1",
        task("atasan1", "review-skp", planning),
        Map.of("decision", "APPROVE", "ekspektasiPerilaku", expectations));
    skpId =
        await()
            .atMost(Duration.ofSeconds(45))
            .until(
                () -> skps.byInstance(planning).filter(s -> s.status().equals("APPROVED")),
                Optional::isPresent)
            .orElseThrow()
            .id();

    // December's check-in: 92 of 95 answered in time, 2 of 3 publications
    checkIns.record(
        "document-test:" + year,
        pegawai1.nip(),
        year,
        1,
        12,
        List.of(
            Map.of(
                "jenis",
                "UTAMA",
                "iki",
                "Permohonan informasi dijawab dalam 10 hari kerja",
                "target",
                95,
                "satuan",
                "persen",
                "realisasi",
                92,
                "lowerIsBetter",
                false),
            Map.of(
                "jenis",
                "UTAMA",
                "tipe",
                "KUALITATIF",
                "iki",
                "Mutu jawaban",
                "hasilDiharapkan",
                "Jawaban lengkap",
                "narasi",
                "Diperiksa atasan"),
            Map.of(
                "jenis",
                "TAMBAHAN",
                "iki",
                "Rilis berita layanan informasi",
                "target",
                3,
                "satuan",
                "rilis",
                "realisasi",
                2,
                "lowerIsBetter",
                false)),
        null,
        null,
        null,
        new CheckIns.Gap(false, ""));

    // the annual review: a curve-conforming unit (2 Sangat Baik, 1 Butuh Perbaikan, the rest Baik)
    api.post(
        "pengelola", "/api/reviews", Map.of("unitCode", UNIT, "year", year, "period", "ANNUAL"));
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "set-unit-predikat", null, year),
        Map.of("predikatOrganisasi", "BAIK"));
    // the head last: the unit's BAIK is the head's hasil kerja, so the head is rated Baik
    long head = organisation.unit(UNIT).orElseThrow().headEmployeeId();
    List<Employee> others =
        organisation.employeesIn(UNIT).stream()
            .filter(e -> !e.nip().equals(pegawai1.nip()))
            .sorted(Comparator.comparing((Employee e) -> e.id() == head))
            .toList();
    rate(pegawai1, "DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "Tingkatkan ketepatan waktu.");
    for (int i = 0; i < others.size(); i++) {
      String rating = i < 2 ? "DI_ATAS_EKSPEKTASI" : "SESUAI_EKSPEKTASI";
      rate(others.get(i), rating, rating, null);
    }
    evaluationId = awaitDelivered(pegawai1).path("id").asLong();
    // every other result is delivered too, so that no rating task is left for other tests
    others.forEach(this::awaitDelivered);
  }

  @Test
  void theSkpDocumentStatesTheRecordForEveryoneAllowedAndNobodyElse() {
    ResponseEntity<byte[]> response = pdf("pegawai1", "/api/skp/" + skpId + "/document.pdf");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    byte[] pdf = response.getBody();
    String text = Pdfs.flatText(pdf);
    SkpRecords.Skp skp = skps.byId(skpId).orElseThrow();
    Employee atasan1 = organisation.byUsername("atasan1").orElseThrow();
    Employee atasan2 = organisation.byUsername("atasan2").orElseThrow();
    assertThat(text)
        .contains(
            "SASARAN KINERJA PEGAWAI",
            "Dinas Komunikasi dan Informatika Kota Mataram",
            "1 Januari " + year + " s.d. 31 Desember " + year,
            pegawai1.name(),
            DocumentText.nip(pegawai1.nip()),
            pegawai1.position(),
            atasan1.name(),
            DocumentText.nip(atasan1.nip()),
            atasan2.name(),
            "Kuantitatif",
            "Ditetapkan")
        // hasil kerja as recorded: the superior's RHK, the RHK, indicators with target and unit
        .contains(
            skp.content().at("/hasilKerja/0/rhkAtasan").asText(),
            "Perbaikan: terlayaninya permohonan informasi publik tepat waktu",
            "Permohonan informasi dijawab dalam 10 hari kerja",
            "95 persen",
            "Survei kepuasan pemohon",
            // a qualitative indicator: its expected result in place of a target
            "Mutu jawaban (kualitatif)",
            "Jawaban lengkap",
            "Rilis berita layanan informasi")
        // the seven BerAKHLAK values with their guides and the rater's expectations
        .contains(
            "Berorientasi Pelayanan",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Kolaboratif",
            "Ekspektasi nilai ke-1",
            "Ekspektasi nilai ke-7")
        .contains("Anggaran dan perangkat layanan informasi", "Laporan bulanan kepada kepala seksi")
        // every round with the approver
        .contains(
            "Penyusunan oleh pegawai",
            "Dikembalikan",
            "Tambahkan indikator kualitas layanan.",
            "Disetujui")
        .containsPattern("Nomor dokumen: SKP/DISKOMINFO/" + year + "/\\d{5}")
        .containsPattern(
            "Kode verifikasi: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
    assertThat(Pdfs.fonts(pdf))
        .isNotEmpty()
        .allMatch(f -> f.contains("DejaVuSans") && f.endsWith(" embedded"));
    String code = code(text);
    assertThat(Pdfs.qrCodes(pdf))
        .containsExactly("http://localhost:8080/verify/" + code.replace("-", ""));
    keep("skp.pdf", pdf);

    // the rater, the rater's superior and officers read it too, and get the same document
    for (String allowed : List.of("atasan1", "atasan2", "pengelola", "admin")) {
      ResponseEntity<byte[]> theirs = pdf(allowed, "/api/skp/" + skpId + "/document.pdf");
      assertThat(theirs.getStatusCode()).as(allowed).isEqualTo(HttpStatus.OK);
      assertThat(code(Pdfs.flatText(theirs.getBody()))).as(allowed).isEqualTo(code);
    }
    for (String refused : List.of(colleague.username(), "pemilik")) {
      ResponseEntity<JsonNode> answer =
          problem(refused, "/api/skp/" + skpId + "/document.pdf", "id");
      assertThat(answer.getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody().path("detail").asText())
          .startsWith("Anda tidak berhak mengunduh dokumen " + pegawai1.name());
    }
    assertThat(
            problem("pegawai1", "/api/skp/999999999/document.pdf", "en")
                .getBody()
                .path("detail")
                .asText())
        .isEqualTo("SKP 999999999 was not found.");
    assertThat(problem("pegawai1", "/api/skp/999999999/document.pdf", "en").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theEvaluationDocumentIsSupersededByTheAppealDecisionAndItsCodeSaysSo() {
    ResponseEntity<byte[]> first =
        pdf("pegawai1", "/api/evaluations/" + evaluationId + "/document.pdf");
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    String before = Pdfs.flatText(first.getBody());
    keep("evaluation.pdf", first.getBody());
    assertThat(before)
        .contains(
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "Akhir (tahunan) " + year,
            pegawai1.name(),
            DocumentText.nip(pegawai1.nip()),
            organisation.byUsername("atasan1").orElseThrow().name(),
            organisation.byUsername("atasan2").orElseThrow().name(),
            "Seksi Layanan Informasi Publik",
            "Predikat kinerja organisasi Baik",
            // capaian at the year's end: 92 of 95 is 96.84%, 2 of 3 is 66.67%
            "Permohonan informasi dijawab dalam 10 hari kerja",
            "96,84%",
            "66,67%",
            // the qualitative indicator with its narrative, not counted
            "Mutu jawaban (kualitatif)",
            "Diperiksa atasan",
            "tidak dihitung dalam capaian numerik",
            "Rating hasil kerja Di Bawah Ekspektasi",
            "Rating perilaku kerja Sesuai Ekspektasi",
            "Predikat kinerja pegawai Butuh Perbaikan",
            "Tingkatkan ketepatan waktu.",
            "Tidak ada keberatan atas hasil ini.")
        .containsPattern("Nomor dokumen: EKP/DISKOMINFO/" + year + "/\\d{5}");
    String firstCode = code(before);
    assertThat(verify(firstCode))
        .contains("Dokumen ini sah dan masih berlaku.", "Butuh Perbaikan", pegawai1.name());

    // pegawai1 appeals, atasan1 explains, atasan2 (who reads English) changes the result to Baik
    api.send("atasan2", HttpMethod.PUT, "/api/me/locale", Map.of("locale", "en"));
    assertThat(
            api.post(
                    "pegawai1",
                    "/api/evaluations/" + evaluationId + "/appeal",
                    Map.of(
                        "reasons", "Realisasi triwulan IV belum diperhitungkan dalam penilaian."))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    api.complete(
        "atasan1",
        api.awaitTask("atasan1", "explain", pegawai1.nip(), year),
        Map.of("explanation", "Realisasi Desember baru dilaporkan setelah penilaian."));
    api.complete(
        "atasan2",
        api.awaitTask("atasan2", "decide", pegawai1.nip(), year),
        Map.of(
            "appealDecision",
            "CHANGED",
            "newRatingHasilKerja",
            "SESUAI_EKSPEKTASI",
            "newRatingPerilaku",
            "SESUAI_EKSPEKTASI",
            "decisionNotes",
            "Bukti realisasi Desember lengkap."));
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> "BAIK".equals(evaluation().path("predikat").asText()));

    // the first document is superseded by the decision; it still says what it said
    String superseded = verify(firstCode);
    assertThat(superseded)
        .contains("sudah tidak berlaku", "Keputusan keberatan tanggal", "Butuh Perbaikan")
        .doesNotContain("masih berlaku.");

    // the document now: a new number and code, with the appeal, explanation and decision
    String after =
        Pdfs.flatText(
            pdf("pegawai1", "/api/evaluations/" + evaluationId + "/document.pdf").getBody());
    String secondCode = code(after);
    assertThat(secondCode).isNotEqualTo(firstCode);
    assertThat(number(after)).isNotEqualTo(number(before));
    assertThat(after)
        .contains(
            "Predikat kinerja pegawai Baik",
            "Realisasi triwulan IV belum diperhitungkan dalam penilaian.",
            "Realisasi Desember baru dilaporkan setelah penilaian.",
            "Hasil penilaian diubah",
            "Bukti realisasi Desember lengkap.",
            organisation.byUsername("atasan2").orElseThrow().name());
    assertThat(verify(secondCode)).contains("Dokumen ini sah dan masih berlaku.", "Baik");
    assertThat(verify(firstCode)).contains("Dokumen penggantinya bernomor " + number(after));

    // in English for an English reader
    String english =
        Pdfs.flatText(
            pdf("atasan2", "/api/evaluations/" + evaluationId + "/document.pdf", "en").getBody());
    assertThat(english)
        .contains(
            "EMPLOYEE PERFORMANCE EVALUATION",
            "Annual " + year,
            "Employee performance predicate Baik (good)",
            "Unit performance predicate Baik (good)",
            "Result changed",
            "31 December " + year);
    assertThat(code(english)).isEqualTo(secondCode);

    // who may fetch it
    for (String allowed : List.of("atasan1", "atasan2", "pengelola", "admin")) {
      assertThat(pdf(allowed, "/api/evaluations/" + evaluationId + "/document.pdf").getStatusCode())
          .as(allowed)
          .isEqualTo(HttpStatus.OK);
    }
    for (String refused : List.of(colleague.username(), "pemilik")) {
      assertThat(
              problem(refused, "/api/evaluations/" + evaluationId + "/document.pdf", "en")
                  .getStatusCode())
          .as(refused)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(
            problem("admin", "/api/evaluations/999999999/document.pdf", "id")
                .getBody()
                .path("detail")
                .asText())
        .isEqualTo("Hasil penilaian 999999999 tidak ditemukan.");
  }

  @Test
  void aChangedOrUnknownCodeSaysSoAndTheLookUpsAreLimited() {
    String code =
        code(Pdfs.flatText(pdf("pegawai1", "/api/skp/" + skpId + "/document.pdf").getBody()));
    String plain = code.replace("-", "");
    char first = plain.charAt(0);
    String altered = (first == '7' ? '8' : '7') + plain.substring(1);
    assertThat(verifyResponse(altered).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(verify(altered))
        .contains("Kode verifikasi ini tidak sah: salah ketik atau telah diubah.");
    assertThat(verify("bukan-kode")).contains("tidak sah");
    String unknown = VerificationCodes.generate();
    assertThat(verify(unknown))
        .contains("Kode verifikasi ini tidak pernah diterbitkan oleh Kinerja.");
    // read back forgivingly: lower case, O for 0 and no dashes
    assertThat(verify(code.toLowerCase().replace('0', 'o')))
        .contains("Dokumen ini sah dan masih berlaku.");

    jdbc.sql("delete from public_request where purpose = 'verify'").update();
    for (int i = 0; i < 30; i++) {
      assertThat(verifyResponse(unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
    ResponseEntity<String> limited = verifyResponse(code);
    assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getBody())
        .contains("Terlalu banyak pemeriksaan")
        .doesNotContain(pegawai1.name());
    jdbc.sql("delete from public_request where purpose = 'verify'").update();
  }

  @Test
  void longNamesWithDiacriticsPrintWholeInAnEmbeddedFontAndWrap() {
    var agency = new TestAgency(jdbc);
    TestAgency.Person head = agency.person("kepala", "IV/a", null);
    TestAgency.Person employee = agency.person("pegawai", "III/b", head);
    String name =
        "Ni Luh Putu Ayu Kadek Sri Wahyuni Dewantari Wirasatyaningrum Ñoman Çahyâ Élise Łukasiewicz Öztürk, S.Kom., M.Si.";
    jdbc.sql("update employee set name = :name where id = :id")
        .param("name", name)
        .param("id", employee.id())
        .update();
    long instance = -System.nanoTime();
    skps.recordDraft(
        instance,
        employee.nip(),
        year,
        1,
        "doc-draft:" + instance,
        employee.username(),
        "KUALITATIF",
        Map.of(
            "hasilKerja",
            List.of(
                Map.of(
                    "jenis",
                    "UTAMA",
                    "rhk",
                    "Terwujudnya layanan prima",
                    "indikator",
                    List.of()))));
    skps.recordReview(
        instance,
        "doc-review:" + instance,
        head.username(),
        SkpRecords.Decision.APPROVE,
        null,
        null);
    long id = skps.byInstance(instance).orElseThrow().id();

    byte[] pdf = pdf("admin", "/api/skp/" + id + "/document.pdf").getBody();
    keep("skp-long-name.pdf", pdf);
    String flat = Pdfs.flatText(pdf);
    // whole, whatever the line breaks (a title such as "S.Kom." may break after its dot)
    assertThat(flat.replace(" ", "")).contains(name.replace(" ", ""));
    assertThat(flat)
        .contains(
            "Ñoman Çahyâ Élise Łukasiewicz Öztürk",
            "Penata Muda Tingkat I, III/b",
            "Pembina, IV/a",
            "Kualitatif",
            // a result without indicators is listed all the same
            "Terwujudnya layanan prima")
        .containsPattern("Nomor dokumen: SKP/ROOT-[0-9a-f]{8}/" + year + "/00001");
    // the name wraps inside its column instead of running off the page
    assertThat(Pdfs.text(pdf).lines()).noneMatch(line -> line.contains(name));
    assertThat(Pdfs.fonts(pdf)).allMatch(f -> f.contains("DejaVuSans") && f.endsWith(" embedded"));
  }

  private JsonNode task(String user, String element, long instance) {
    return api.awaitTask(user, element, pegawai1.nip(), year);
  }

  private void rate(Employee employee, String hasil, String perilaku, String notes) {
    String rater = organisation.rater(employee).orElseThrow().username();
    JsonNode task = api.awaitRating(rater, employee.username(), employee.nip(), year);
    var values = new HashMap<String, Object>(Api.rating(task, hasil, perilaku));
    if (notes != null) {
      values.put("ratingNotes", notes);
    }
    api.complete(rater, task, values);
  }

  private JsonNode awaitDelivered(Employee employee) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () -> {
              for (JsonNode e :
                  api.get("admin", "/api/employees/" + employee.nip() + "/evaluations")) {
                if (e.path("periodYear").asInt() == year
                    && e.path("status").asText().equals("DELIVERED")) {
                  return Optional.of(e);
                }
              }
              return Optional.<JsonNode>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private JsonNode evaluation() {
    for (JsonNode e : api.get("pegawai1", "/api/employees/" + pegawai1.nip() + "/evaluations")) {
      if (e.path("id").asLong() == evaluationId) {
        return e;
      }
    }
    throw new AssertionError("no evaluation " + evaluationId);
  }

  private static Map<String, Object> skp(String version) {
    String rhk = version + ": terlayaninya permohonan informasi publik tepat waktu";
    return Map.of(
        "approach",
        "KUANTITATIF",
        "hasilKerja",
        List.of(
            Map.of(
                "jenis",
                "UTAMA",
                "rhkAtasan",
                "Meningkatnya keterbukaan informasi publik Kota Mataram",
                "rhk",
                rhk,
                "indikator",
                List.of(
                    Map.of(
                        "iki", "Permohonan informasi dijawab dalam 10 hari kerja",
                        "aspek", "WAKTU",
                        "target", 95,
                        "satuan", "persen"),
                    Map.of(
                        "iki", "Survei kepuasan pemohon",
                        "aspek", "KUALITAS",
                        "target", new BigDecimal("3.5"),
                        "satuan", "indeks"),
                    Map.of(
                        "iki", "Mutu jawaban",
                        "aspek", "KUALITAS",
                        "tipe", "KUALITATIF",
                        "hasilDiharapkan", "Jawaban lengkap"))),
            Map.of(
                "jenis", "TAMBAHAN",
                "rhkAtasan", "Meningkatnya publikasi layanan",
                "rhk", "Tersusunnya rilis berita layanan informasi",
                "indikator",
                    List.of(
                        Map.of(
                            "iki", "Rilis berita layanan informasi",
                            "aspek", "KUANTITAS",
                            "target", 3,
                            "satuan", "rilis")))),
        "dukunganSumberDaya",
        "Anggaran dan perangkat layanan informasi",
        "skemaPertanggungjawaban",
        "Laporan bulanan kepada kepala seksi",
        "konsekuensi",
        "Sesuai ketentuan disiplin pegawai");
  }

  private ResponseEntity<byte[]> pdf(String user, String path) {
    return pdf(user, path, "id");
  }

  private ResponseEntity<byte[]> pdf(String user, String path, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return api.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private ResponseEntity<JsonNode> problem(String user, String path, String language) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    headers.set(HttpHeaders.ACCEPT, "application/pdf, application/problem+json");
    return api.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private String verify(String code) {
    return verifyResponse(code).getBody().replaceAll("\\s+", " ");
  }

  private ResponseEntity<String> verifyResponse(String code) {
    return http.getForEntity("/verify/" + code, String.class);
  }

  private static String code(String text) {
    return text.replaceAll(
        ".*?(?:Kode verifikasi|Verification code): ([0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]).*",
        "$1");
  }

  /** Keeps a document as a test artifact, to look at. */
  static void keep(String name, byte[] pdf) {
    try {
      Files.createDirectories(DOCUMENTS);
      Files.write(DOCUMENTS.resolve(name), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final Path DOCUMENTS = Path.of("target/documents");

  private static String number(String text) {
    return text.replaceAll(".*?Nomor dokumen: ([A-Z]+/[A-Z-]+/\\d+/\\d+).*", "$1");
  }
}
