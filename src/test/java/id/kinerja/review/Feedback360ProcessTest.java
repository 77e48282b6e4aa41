package id.kinerja.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.behaviour.BerAkhlak;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Employee;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskQuery;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskRow.Viewer;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 360-degree feedback: proposed from the tree, picked by the rater, answered anonymously. */
class Feedback360ProcessTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired Feedback360 feedback;
  @Autowired ContextEngine clock;
  @Autowired Engine engine;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void peersPickedByTheRaterAnswerAndLateOnesAreLeftOutAfterTheDeadline() {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 5;
    Employee pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    JsonNode started =
        http.withBasicAuth("pengelola", "demo")
            .postForObject(
                "/api/feedback-rounds",
                Map.of("unitCode", "SEKSI-LIP", "year", year),
                JsonNode.class);
    assertThat(started.path("started").asInt())
        .isEqualTo(organisation.employeesIn("SEKSI-LIP").size());

    Viewer rater = new Viewer("atasan1", List.of("PEGAWAI"));
    TaskRow choose = awaitTask(rater, "choose-respondents", pegawai1.nip(), year);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> options =
        (List<Map<String, Object>>) choose.variables().get("respondentOptions");
    assertThat(options)
        .hasSize(
            organisation.subordinates(organisation.byUsername("atasan1").orElseThrow()).size() - 1);
    List<String> respondents = options.stream().limit(3).map(o -> (String) o.get("value")).toList();
    tasks.complete(choose.key(), rater, Map.of("respondents", respondents));

    var people = new People(store, tasks);
    for (String respondent : respondents.subList(0, 2)) {
      people.complete(
          new Viewer(respondent, List.of("PEGAWAI")),
          choose.processInstanceKey(),
          "answer",
          answer(4));
    }
    // the third never answers: the deadline closes the round with the two answers
    people.awaitTask(
        new Viewer(respondents.get(2), List.of("PEGAWAI")), choose.processInstanceKey(), "answer");
    clock.advance(Duration.ofDays(15));

    await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                feedback
                        .aggregate(pegawai1.nip(), year, "ANNUAL")
                        .answersPerSource()
                        .getOrDefault("PEER", 0L)
                    == 2);
    Map<String, Object> summary = feedback.summary(pegawai1.nip(), year, "ANNUAL");
    assertThat(summary.toString())
        .contains("PEER=2", "berorientasiPelayanan=4.0")
        .doesNotContain(respondents.get(0));
  }

  @Test
  void theRaterIsRemindedBeforeTheChoiceIsDueAndThenTheSystemsProposalIsAsked() {
    int year = LocalDate.ofInstant(clock.now(), ZoneId.of("Asia/Makassar")).getYear() + 6;
    Employee pegawai1 = organisation.byUsername("pegawai1").orElseThrow();
    long round =
        engine.startProcess(
            "feedback-360",
            Map.of(
                "employeeNip",
                pegawai1.nip(),
                "employeeName",
                pegawai1.name(),
                "raterUsername",
                "atasan1",
                "periodYear",
                year,
                "period",
                "Q2"));
    var people = new People(store, tasks);
    Viewer rater = new Viewer("atasan1", List.of("PEGAWAI"));
    TaskRow choose = people.awaitTask(rater, round, "choose-respondents");
    // due in a week (respondentsDueDate [C]), reminded two days before
    assertThat(choose.dueDate())
        .isAfter(clock.now().plus(Duration.ofDays(6)))
        .isBefore(clock.now().plus(Duration.ofDays(8)));
    clock.advance(Duration.ofDays(6));
    await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from notification_outbox where recipient_username = 'atasan1' and type = 'DEADLINE_NEAR' and subject like :subject")
                        .param(
                            "subject",
                            "%Pilih pemberi umpan balik 360 untuk " + pegawai1.name() + "%")
                        .query(Long.class)
                        .single()
                    > 0);
    assertThat(people.openTasks(rater, round, "choose-respondents")).hasSize(1);

    // not chosen by the due date: everyone the system proposed is asked
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> proposed =
        (List<Map<String, Object>>) choose.variables().get("respondentOptions");
    clock.advance(Duration.ofDays(2));
    for (Map<String, Object> option : proposed) {
      people.awaitTask(
          new Viewer((String) option.get("value"), List.of("PEGAWAI")), round, "answer");
    }
    assertThat(people.openTasks(rater, round, "choose-respondents")).isEmpty();
  }

  @Test
  void thePublicRatesAServiceUnitWithoutSigningInWithinALimit() throws Exception {
    var browser = HttpClient.newHttpClient();
    var page = URI.create("http://localhost:" + port + "/public/feedback/SEKSI-LIP");
    HttpResponse<String> form =
        browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Seksi Layanan Informasi Publik", "Berorientasi Pelayanan");
    String session = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

    String last = null;
    for (int i = 0; i <= FeedbackController.PUBLIC_LIMIT; i++) {
      String body =
          "berorientasiPelayanan=5&kompeten=4&comment=Cepat&_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      last =
          browser
              .send(
                  HttpRequest.newBuilder(page)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Cookie", session)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (i == 0) {
        assertThat(last).contains("Terima kasih");
      }
    }
    assertThat(last).contains("sudah memberi umpan balik beberapa kali");
  }

  private TaskRow awaitTask(Viewer viewer, String elementId, String nip, int year) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                store
                    .search(
                        new TaskQuery(TaskQuery.View.ALL, null, nip, null, null, null, 0, 200),
                        viewer)
                    .items()
                    .stream()
                    .filter(t -> t.elementId().equals(elementId))
                    .filter(t -> Integer.valueOf(year).equals(t.variables().get("periodYear")))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Map<String, Object> answer(int score) {
    var values = new HashMap<String, Object>();
    BerAkhlak.VALUES.forEach(v -> values.put(v, score));
    values.put("feedbackComment", "Kolaborasi baik");
    return values;
  }
}
