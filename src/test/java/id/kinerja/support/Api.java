package id.kinerja.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The application's API as the demo users use it (password "demo"), tasklist first. */
public final class Api {

  private final TestRestTemplate http;
  private final Duration wait;

  public Api(TestRestTemplate http) {
    this(http, Duration.ofSeconds(45));
  }

  /** With how long to wait for a task (longer where steps may wait for a crashed worker's job). */
  public Api(TestRestTemplate http, Duration wait) {
    this.http = http;
    this.wait = wait;
  }

  public TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  public JsonNode get(String user, String path) {
    return as(user).getForObject(path, JsonNode.class);
  }

  public ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return send(user, HttpMethod.POST, path, body);
  }

  public ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /**
   * Waits for the user's open task of an element (of the given employee and year, when named);
   * returns its detail.
   */
  public JsonNode awaitTask(String user, String elementId, String employeeNip) {
    return awaitTask(user, elementId, employeeNip, null);
  }

  public JsonNode awaitTask(String user, String elementId, String employeeNip, Integer year) {
    return awaitTaskWhere(
        user,
        elementId,
        employeeNip,
        t -> year == null || year == t.path("task").path("periodYear").asInt());
  }

  /** Waits for the user's open task of an element whose detail matches; returns the detail. */
  public JsonNode awaitTaskWhere(String user, String elementId, Predicate<JsonNode> detail) {
    return awaitTaskWhere(user, elementId, null, detail);
  }

  /** The same, among the tasks about one employee. */
  public JsonNode awaitTaskWhere(
      String user, String elementId, String employeeNip, Predicate<JsonNode> detail) {
    return await()
        .atMost(wait)
        .until(
            () -> tasks(user, elementId, employeeNip).stream().filter(detail).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The details of the user's open tasks of an element. */
  public List<JsonNode> tasks(String user, String elementId) {
    return tasks(user, elementId, null);
  }

  /** The details of the user's open tasks of an element about an employee (any when null). */
  public List<JsonNode> tasks(String user, String elementId, String employeeNip) {
    JsonNode page =
        get(user, "/api/tasks?size=200" + (employeeNip == null ? "" : "&employee=" + employeeNip));
    var result = new ArrayList<JsonNode>();
    for (JsonNode task : page.path("items")) {
      JsonNode detail = get(user, "/api/tasks/" + task.path("id").asLong());
      if (detail.path("elementId").asText().equals(elementId)) {
        result.add(detail);
      }
    }
    return result;
  }

  /** Completes a task (a list item or a detail) and expects it to be accepted. */
  public ResponseEntity<JsonNode> complete(String user, JsonNode task, Map<String, Object> values) {
    long id = task.has("task") ? task.path("task").path("id").asLong() : task.path("id").asLong();
    ResponseEntity<JsonNode> response = post(user, "/api/tasks/" + id + "/complete", values);
    assertThat(response.getStatusCode())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(HttpStatus.NO_CONTENT);
    return response;
  }

  /**
   * The rating task of an employee, after the employee sent their self-assessment (asked before
   * each rating) as its form lets them.
   */
  public JsonNode awaitRating(String rater, String employee, String employeeNip, Integer year) {
    selfAssess(employee, employeeNip, year);
    return awaitTask(rater, "rate", employeeNip, year);
  }

  /** The employee sends their open self-assessment (of the year, when named). */
  public void selfAssess(String employee, String employeeNip, Integer year) {
    JsonNode task = awaitTask(employee, "self-assess", employeeNip, year);
    complete(employee, task, selfAssessment(task, "SESUAI_EKSPEKTASI"));
  }

  /**
   * A self-assessment as its form lets the employee send it: the same self-rating for every RHK the
   * form shows (read-only, from the approved SKP) and for each of the seven BerAKHLAK values.
   */
  public static Map<String, Object> selfAssessment(JsonNode task, String rating) {
    JsonNode detail = task.has("variables") ? task : task.path("task");
    var results = new ArrayList<Map<String, Object>>();
    for (JsonNode row : detail.path("variables").path("selfResults")) {
      results.add(Map.of("rhk", row.path("rhk").asText(), "selfRating", rating));
    }
    var behaviour = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 7; i++) {
      behaviour.add(Map.of("selfRating", rating));
    }
    return Map.of(
        "selfResults",
        results,
        "selfBehaviour",
        behaviour,
        "selfNarrative",
        "Target tercapai sesuai rencana.");
  }

  /**
   * A rating as the rating form lets the rater send it: a unit head's hasil kerja follows the unit
   * predikat, so the form hides that field and it is not sent.
   */
  public static Map<String, Object> rating(JsonNode task, String hasilKerja, String perilaku) {
    JsonNode detail = task.has("variables") ? task : task.path("task");
    if (detail.path("variables").path("evaluation").path("unitHead").asBoolean()) {
      return Map.of("ratingPerilaku", perilaku);
    }
    return Map.of("ratingHasilKerja", hasilKerja, "ratingPerilaku", perilaku);
  }

  /** Whether the rating task is of the unit's head, whose hasil kerja the unit predikat sets. */
  public static boolean ofUnitHead(JsonNode task) {
    return task.path("variables").path("evaluation").path("unitHead").asBoolean();
  }

  /** A small quantitative SKP: one Utama result with one indicator. */
  public static Map<String, Object> skp() {
    return Map.of(
        "approach",
        "KUANTITATIF",
        "hasilKerja",
        List.of(
            Map.of(
                "jenis", "UTAMA",
                "rhkAtasan", "Meningkatnya keterbukaan informasi publik",
                "rhk", "Terlayaninya permohonan informasi publik tepat waktu",
                "indikator",
                    List.of(
                        Map.of(
                            "iki",
                            "Permohonan informasi dijawab dalam 10 hari kerja",
                            "aspek",
                            "WAKTU",
                            "target",
                            95,
                            "satuan",
                            "persen")))));
  }
}
