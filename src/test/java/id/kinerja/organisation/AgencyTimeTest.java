package id.kinerja.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.Api;
import id.kinerja.support.ContextEngine;
import id.kinerja.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency works in its own time zone (kinerja.time.agency-zones, keyed by its top-level unit): an
 * agency in Papua (WIT, +09:00) gets its deadlines, task due dates and the times in its mail in
 * WIT, while the demo agency in Mataram keeps WITA (+08:00), the default.
 */
class AgencyTimeTest extends IntegrationTest {

  static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

  @Autowired AgencyTime time;
  @Autowired JdbcClient jdbc;
  @Autowired ContextEngine clock;
  @Autowired TestRestTemplate http;

  @Test
  void anAgencyInPapuaHasItsDeadlinesAndTimesInWit() {
    long root = unit("PEMKAB-UJI-WIT", "Pemerintah Kabupaten Uji", null);
    long office = unit("DINAS-UJI-WIT", "Dinas Uji", root);
    long head = employee("197001012000031001", "Kepala Dinas Uji", office, null, "kadis-wit");
    long staff = employee("199001012015031002", "Staf Dinas Uji", office, head, "staf-wit");
    jdbc.sql("update org_unit set head_employee_id = :head where id = :id")
        .param("head", head)
        .param("id", office)
        .update();

    assertThat(time.zoneOfUnit("DINAS-UJI-WIT")).isEqualTo(WIT);
    assertThat(time.zoneOfUser("staf-wit")).isEqualTo(WIT);
    assertThat(time.offset(WIT)).isEqualTo("+09:00");
    assertThat(time.zoneOfUnit("SEKSI-LIP")).isEqualTo(ZoneId.of("Asia/Makassar"));
    assertThat(staff).isPositive();

    // the next year, opened now: the first draft is due at the start of 8 January in WIT
    int year = LocalDate.ofInstant(clock.now(), WIT).getYear() + 1;
    var api = new Api(http);
    api.post("pengelola", "/api/periods", Map.of("unitCode", "DINAS-UJI-WIT", "year", year));
    JsonNode draft = api.awaitTask("staf-wit", "draft-skp", "199001012015031002", year);
    assertThat(OffsetDateTime.parse(draft.path("task").path("dueDate").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(year + "-01-08T00:00:00+09:00").toInstant());
    // the mail announcing it shows the time as it reads in Papua
    assertThat(
            jdbc.sql(
                    "select body_text from notification_outbox where recipient_username = 'staf-wit' and type = 'TASK_ASSIGNED'")
                .query(String.class)
                .list())
        .anyMatch(body -> body.contains("08-01-" + year + " 00:00"));
    // and today is the agency's today
    JsonNode today = api.get("staf-wit", "/api/clock");
    assertThat(today.path("zone").asText()).isEqualTo("Asia/Jayapura");
    assertThat(today.path("today").asText())
        .isEqualTo(LocalDate.ofInstant(clock.now(), WIT).toString());
  }

  private long unit(String code, String name, Long parent) {
    return jdbc.sql(
            "insert into org_unit (code, name, parent_id) values (:code, :name, :parent) returning id")
        .param("code", code)
        .param("name", name)
        .param("parent", parent)
        .query(Long.class)
        .single();
  }

  private long employee(String nip, String name, long unit, Long superior, String username) {
    long id =
        jdbc.sql(
                """
                insert into employee (nip, name, position, grade, unit_id, superior_id, email)
                values (:nip, :name, 'Analis', 'III/b', :unit, :superior, :email) returning id""")
            .param("nip", nip)
            .param("name", name)
            .param("unit", unit)
            .param("superior", superior)
            .param("email", username + "@example.test")
            .query(Long.class)
            .single();
    long user =
        jdbc.sql(
                """
                insert into app_user (username, password_hash, employee_id)
                values (:u, (select password_hash from app_user where username = 'pegawai1'), :e) returning id""")
            .param("u", username)
            .param("e", id)
            .query(Long.class)
            .single();
    jdbc.sql("insert into app_user_role (user_id, role) values (:u, 'PEGAWAI')")
        .param("u", user)
        .update();
    return id;
  }
}
