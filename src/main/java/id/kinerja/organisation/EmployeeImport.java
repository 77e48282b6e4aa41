package id.kinerja.organisation;

import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports employees from CSV (nip,name,position,grade,employee_type,unit_code,superior_nip,email).
 * Every row is checked first; one bad row and nothing is imported. New employees get a user named
 * after their NIP with no usable password, so that an admin must set one before they sign in.
 */
@Service
public class EmployeeImport {

  static final List<String> COLUMNS =
      List.of(
          "nip",
          "name",
          "position",
          "grade",
          "employee_type",
          "unit_code",
          "superior_nip",
          "email");

  /** Golongan/ruang of PNS (I/a .. IV/e) or of PPPK (I .. XVII). */
  private static final Pattern GRADE =
      Pattern.compile(
          "(I|II|III|IV)/[a-e]|I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII");

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@,;]+@[^\\s@,;]+\\.[^\\s@,;]+$");

  /** A password hash nothing matches: BCrypt hashes start with $2. */
  static final String NO_PASSWORD = "!disabled";

  private final JdbcClient jdbc;
  private final Users users;
  private final AgencyTime time;

  EmployeeImport(JdbcClient jdbc, Users users, AgencyTime time) {
    this.jdbc = jdbc;
    this.users = users;
    this.time = time;
  }

  public record RowError(int row, String field, String code, String value) {}

  public record Report(int rows, int created, int updated, List<RowError> errors) {
    public boolean imported() {
      return errors.isEmpty();
    }
  }

  private record Row(int number, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "").trim();
    }
  }

  @Transactional
  public Report importCsv(String csv) {
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = parse(csv, errors);
    if (!errors.isEmpty()) {
      return new Report(rows.size(), 0, 0, errors);
    }
    Map<String, Long> units = new HashMap<>();
    jdbc.sql("select code, id from org_unit")
        .query(
            rs -> {
              units.put(rs.getString(1), rs.getLong(2));
            });
    Set<String> knownNips =
        new HashSet<>(jdbc.sql("select nip from employee").query(String.class).list());
    Set<String> seen = new HashSet<>();
    for (Row row : rows) {
      validate(row, units, knownNips, seen, errors);
    }
    if (!errors.isEmpty()) {
      return new Report(rows.size(), 0, 0, errors);
    }
    int created = 0;
    int updated = 0;
    for (Row row : rows) { // superiors come earlier in the file or exist already
      Long superior =
          row.get("superior_nip").isEmpty()
              ? null
              : jdbc.sql("select id from employee where nip = :nip")
                  .param("nip", row.get("superior_nip"))
                  .query(Long.class)
                  .single();
      boolean isNew = !knownNips.contains(row.get("nip"));
      long id =
          jdbc.sql(
                  """
                  insert into employee (nip, name, position, grade, employee_type, unit_id, superior_id, email)
                  values (:nip, :name, :position, :grade, :type, :unit, :superior, :email)
                  on conflict (nip) do update set name = excluded.name, position = excluded.position,
                    grade = excluded.grade, employee_type = excluded.employee_type, unit_id = excluded.unit_id,
                    superior_id = excluded.superior_id, email = excluded.email, active = true
                  returning id""")
              .param("nip", row.get("nip"))
              .param("name", row.get("name"))
              .param("position", row.get("position"))
              .param("grade", row.get("grade"))
              .param("type", row.get("employee_type").isEmpty() ? "PNS" : row.get("employee_type"))
              .param("unit", units.get(row.get("unit_code")))
              .param("superior", superior)
              .param("email", row.get("email").isEmpty() ? null : row.get("email"))
              .query(Long.class)
              .single();
      if (isNew) {
        users.save(row.get("nip"), NO_PASSWORD, id, List.of(Role.PEGAWAI));
        knownNips.add(row.get("nip"));
        created++;
      } else {
        updated++;
      }
    }
    return new Report(rows.size(), created, updated, List.of());
  }

  private void validate(
      Row row,
      Map<String, Long> units,
      Set<String> knownNips,
      Set<String> seen,
      List<RowError> errors) {
    String nip = row.get("nip");
    Nip.problems(nip, time.today(time.defaultZone()))
        .forEach(code -> errors.add(new RowError(row.number(), "nip", code, nip)));
    if (!seen.add(nip)) {
      errors.add(new RowError(row.number(), "nip", "import.duplicateNip", nip));
    }
    for (String required : List.of("name", "position", "grade", "unit_code")) {
      if (row.get(required).isEmpty()) {
        errors.add(new RowError(row.number(), required, "import.required", ""));
      }
    }
    if (!row.get("grade").isEmpty() && !GRADE.matcher(row.get("grade")).matches()) {
      errors.add(new RowError(row.number(), "grade", "import.grade", row.get("grade")));
    }
    String type = row.get("employee_type");
    if (!type.isEmpty() && !type.equals("PNS") && !type.equals("PPPK")) {
      errors.add(new RowError(row.number(), "employee_type", "import.employeeType", type));
    }
    if (!row.get("unit_code").isEmpty() && !units.containsKey(row.get("unit_code"))) {
      errors.add(
          new RowError(row.number(), "unit_code", "import.unknownUnit", row.get("unit_code")));
    }
    String superior = row.get("superior_nip");
    if (!superior.isEmpty()
        && (superior.equals(nip) || !(knownNips.contains(superior) || seen.contains(superior)))) {
      errors.add(new RowError(row.number(), "superior_nip", "import.unknownSuperior", superior));
    }
    String email = row.get("email");
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      errors.add(new RowError(row.number(), "email", "import.email", email));
    }
  }

  /** Rows are numbered as a spreadsheet shows them: the header is row 1. */
  private static List<Row> parse(String csv, List<RowError> errors) {
    List<Row> rows = new ArrayList<>();
    try (var reader = new BufferedReader(new StringReader(csv.replace("\uFEFF", "")))) {
      String header = reader.readLine();
      if (header == null) {
        errors.add(new RowError(1, "", "import.empty", ""));
        return rows;
      }
      String separator = header.contains(";") ? ";" : ",";
      List<String> columns =
          List.of(header.trim().toLowerCase().split(separator, -1)).stream()
              .map(String::trim)
              .toList();
      if (!columns.containsAll(List.of("nip", "name", "position", "grade", "unit_code"))) {
        errors.add(new RowError(1, "", "import.header", String.join(",", COLUMNS)));
        return rows;
      }
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(separator, -1);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size() && i < cells.length; i++) {
          values.put(columns.get(i), cells[i].replaceAll("^\"|\"$", ""));
        }
        rows.add(new Row(number, values));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
