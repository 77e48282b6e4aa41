package id.kinerja.coaching;

import id.kinerja.support.ContextEngine;
import id.kinerja.tasklist.TaskRow.Viewer;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh agency (a root unit of its own) with people inserted for one test, so that loads, grades
 * and raters of other tests never interfere. NIPs grow in the order people are added.
 */
public final class TestAgency {

  public record Person(long id, String nip, String username, String grade) {
    /** The person in the tasklist. */
    public Viewer viewer() {
      return new Viewer(username, List.of("PEGAWAI"));
    }
  }

  private final JdbcClient jdbc;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String nipBase =
      "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
  private final long root;
  private int sequence;

  public TestAgency(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.root = unit("ROOT", null);
  }

  public long root() {
    return root;
  }

  public long unit(String code, Long parent) {
    return jdbc.sql(
            "insert into org_unit (code, name, parent_id) values (:code, :name, :parent) returning id")
        .param("code", code + "-" + suffix)
        .param("name", "Unit uji " + code + " " + suffix)
        .param("parent", parent)
        .query(Long.class)
        .single();
  }

  /** The unit's code. */
  public String code(long unit) {
    return jdbc.sql("select code from org_unit where id = :id")
        .param("id", unit)
        .query(String.class)
        .single();
  }

  /** Makes the person the head of the unit. */
  public void head(long unit, Person person) {
    jdbc.sql("update org_unit set head_employee_id = :head where id = :unit")
        .param("head", person.id())
        .param("unit", unit)
        .update();
  }

  /** An employee of the root unit. */
  public Person person(String key, String grade, Person superior) {
    return person(key, grade, superior, root);
  }

  public Person person(String key, String grade, Person superior, long unit) {
    String nip = nipBase + String.format("%08d", ++sequence);
    String type = grade.contains("/") ? "PNS" : "PPPK";
    long id =
        jdbc.sql(
                """
                insert into employee (nip, name, position, grade, employee_type, unit_id, superior_id, email)
                values (:nip, :name, 'Pegawai uji', :grade, :type, :unit, :superior, :email) returning id""")
            .param("nip", nip)
            .param("name", "Pegawai " + key)
            .param("grade", grade)
            .param("type", type)
            .param("unit", unit)
            .param("superior", superior == null ? null : superior.id())
            .param("email", key + "-" + suffix + "@example.test")
            .query(Long.class)
            .single();
    String username = key + "-" + suffix;
    long user =
        jdbc.sql(
                "insert into app_user (username, password_hash, employee_id) values (:u, 'x', :e) returning id")
            .param("u", username)
            .param("e", id)
            .query(Long.class)
            .single();
    jdbc.sql("insert into app_user_role (user_id, role) values (:u, 'PEGAWAI')")
        .param("u", user)
        .update();
    return new Person(id, nip, username, grade);
  }

  /** Lets the person sign in with the demo users' password, for the API and the browser. */
  public Person withDemoPassword(Person person) {
    jdbc.sql(
            "update app_user set password_hash = (select password_hash from app_user where username = 'pegawai1') where username = :u")
        .param("u", person.username())
        .update();
    return person;
  }

  /** Gives the coach open assignments (load). */
  public void openAssignments(Person coach, int count) {
    for (int i = 0; i < count; i++) {
      jdbc.sql(
              """
              insert into coaching_assignment (process_instance_key, employee_nip, coach_employee_id,
                coach_username, kind, assigned_by)
              values (:key, :nip, :coach, :username, 'BIMBINGAN', 'TEST')""")
          .param("key", -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
          .param("nip", nipBase + "99999999")
          .param("coach", coach.id())
          .param("username", coach.username())
          .update();
    }
  }

  public void certify(Person person, CoachKind kind, int capacity) {
    jdbc.sql("insert into coach (employee_id, kind, certified, capacity) values (:e, :k, true, :c)")
        .param("e", person.id())
        .param("k", kind.name())
        .param("c", capacity)
        .update();
  }

  public void openAppeal(Person employee, Person rater) {
    jdbc.sql(
            "insert into appeal (employee_nip, rater_nip, status, reasons) values (:e, :r, 'OPEN', 'Nilai tidak sesuai')")
        .param("e", employee.nip())
        .param("r", rater.nip())
        .update();
  }

  /** The incidents of an instance, for readable failures. */
  public static List<String> incidents(ContextEngine engine, long instance) {
    return StreamSupport.stream(
            RecordStream.of(engine.records()).incidentRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .map(IncidentRecordValue::getErrorMessage)
        .toList();
  }

  /** Whether the element of the instance completed (e.g. an end event was reached). */
  public static boolean reached(ContextEngine engine, long instance, String elementId) {
    return StreamSupport.stream(
            RecordStream.of(engine.records()).processInstanceRecords().spliterator(), false)
        .anyMatch(
            r ->
                r.getValue().getProcessInstanceKey() == instance
                    && r.getValue().getElementId().equals(elementId)
                    && r.getIntent().name().equals("ELEMENT_COMPLETED"));
  }
}
