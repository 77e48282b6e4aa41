package id.kinerja.organisation;

import id.kinerja.audit.AuditTrail;
import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the organisation from two tables, units (code, name, parent_code, head_nip) and employees
 * (nip, name, position, grade, employee_type, unit_code, superior_nip, email, position_type), each
 * a CSV or XLSX file. Every row is checked against the files and the database together first; one
 * error and nothing is saved. Units are written before people. A row equal to what is stored
 * changes nothing, so importing the same files again reports every row unchanged. New employees get
 * a user named after their NIP with no usable password: an admin sets one (or they sign in through
 * single sign-on).
 */
@Service
public class OrganisationImport {

  static final List<String> UNIT_COLUMNS = List.of("code", "name", "parent_code", "head_nip");
  static final List<String> EMPLOYEE_COLUMNS =
      List.of(
          "nip",
          "name",
          "position",
          "grade",
          "employee_type",
          "unit_code",
          "superior_nip",
          "email",
          "position_type");

  static final String UNITS = "units";
  static final String EMPLOYEES = "employees";

  /** Golongan/ruang of PNS (I/a .. IV/e) or of PPPK (I .. XVII). */
  private static final Pattern GRADE =
      Pattern.compile(
          "(I|II|III|IV)/[a-e]|I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII");

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@,;]+@[^\\s@,;]+\\.[^\\s@,;]+$");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final Set<String> POSITION_TYPES = Set.of("STRUKTURAL", "FUNGSIONAL", "PELAKSANA");

  /** A password hash nothing matches: BCrypt hashes start with $2. */
  static final String NO_PASSWORD = "!disabled";

  private final JdbcClient jdbc;
  private final Users users;
  private final AgencyTime time;
  private final AuditTrail audit;

  OrganisationImport(JdbcClient jdbc, Users users, AgencyTime time, AuditTrail audit) {
    this.jdbc = jdbc;
    this.users = users;
    this.time = time;
    this.audit = audit;
  }

  /** An uploaded file: its name (for the format) and its bytes. */
  public record Upload(String fileName, byte[] content) {}

  /** One problem: the file (units or employees), its row (0 for the whole file) and field. */
  public record RowError(String file, int row, String field, String code, String value) {}

  public record Counts(int created, int updated, int unchanged) {}

  public record Report(
      boolean dryRun,
      int unitRows,
      int employeeRows,
      Counts units,
      Counts employees,
      List<RowError> errors) {
    /** Whether the files were saved: no errors, and not a dry run. */
    public boolean imported() {
      return errors.isEmpty() && !dryRun;
    }
  }

  private record UnitState(String code, String name, String parent, String headNip) {}

  private record EmployeeState(
      String nip,
      String name,
      String position,
      String grade,
      String type,
      String unit,
      String superior,
      String email,
      String positionType,
      boolean active) {}

  /**
   * Checks both files against each other and the database, then saves them in one transaction,
   * unless there is any error or this is a dry run. Either file may be missing.
   */
  @Transactional
  public Report run(Upload units, Upload employees, boolean dryRun, String actor) {
    var errors = new ArrayList<RowError>();
    List<Table.Line> unitLines = lines(UNITS, units, List.of("code", "name"), errors);
    List<Table.Line> employeeLines =
        lines(
            EMPLOYEES, employees, List.of("nip", "name", "position", "grade", "unit_code"), errors);
    if (!errors.isEmpty()) {
      return new Report(dryRun, unitLines.size(), employeeLines.size(), none(), none(), errors);
    }
    Map<String, UnitState> storedUnits = storedUnits();
    Map<String, EmployeeState> storedEmployees = storedEmployees();

    Set<String> fileCodes = new HashSet<>();
    unitLines.forEach(line -> fileCodes.add(line.get("code")));
    Map<String, UnitState> fileUnits = new LinkedHashMap<>();
    for (Table.Line line : unitLines) { // parents may come later in the file
      UnitState unit = unit(line);
      checkUnit(line, unit, fileUnits, storedUnits.keySet(), fileCodes, errors);
      fileUnits.putIfAbsent(unit.code(), unit);
    }
    Map<String, UnitState> allUnits = new HashMap<>(storedUnits);
    allUnits.putAll(fileUnits);
    for (Table.Line line : unitLines) {
      String code = line.get("code");
      if (fileUnits.containsKey(code) && isOwnAncestor(code, allUnits)) {
        errors.add(new RowError(UNITS, line.number(), "parent_code", "import.unitCycle", code));
      }
    }

    Map<String, EmployeeState> fileEmployees = new LinkedHashMap<>();
    for (Table.Line line : employeeLines) {
      EmployeeState employee = employee(line);
      checkEmployee(line, employee, fileEmployees, allUnits, errors);
      fileEmployees.putIfAbsent(employee.nip(), employee);
    }
    Map<String, EmployeeState> allEmployees = new HashMap<>(storedEmployees);
    allEmployees.putAll(fileEmployees);
    for (Table.Line line : employeeLines) {
      String nip = line.get("nip");
      String superior = line.get("superior_nip");
      if (superior.isEmpty()) {
        continue;
      }
      if (superior.equals(nip) || !allEmployees.containsKey(superior)) {
        errors.add(
            new RowError(
                EMPLOYEES, line.number(), "superior_nip", "import.unknownSuperior", superior));
      } else if (isOwnSuperior(nip, allEmployees)) {
        errors.add(
            new RowError(
                EMPLOYEES, line.number(), "superior_nip", "import.superiorCycle", superior));
      }
    }
    for (Table.Line line : unitLines) { // the head is known once both files are read
      String head = line.get("head_nip");
      if (head.isEmpty()) {
        continue;
      }
      EmployeeState person = allEmployees.get(head);
      UnitState unit = allUnits.get(line.get("code"));
      if (person == null) {
        errors.add(new RowError(UNITS, line.number(), "head_nip", "import.unknownHead", head));
      } else if (unit != null
          && !person.unit().equals(unit.code())
          && !person.unit().equals(unit.parent())) {
        errors.add(new RowError(UNITS, line.number(), "head_nip", "import.headNotInUnit", head));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(
          Comparator.comparingInt((RowError e) -> e.file().equals(UNITS) ? 0 : 1)
              .thenComparingInt(RowError::row));
      return new Report(dryRun, unitLines.size(), employeeLines.size(), none(), none(), errors);
    }

    Counts unitCounts = count(fileUnits, storedUnits);
    Counts employeeCounts = count(fileEmployees, storedEmployees);
    var report =
        new Report(
            dryRun, unitLines.size(), employeeLines.size(), unitCounts, employeeCounts, List.of());
    if (!dryRun) {
      save(fileUnits, storedUnits, fileEmployees, storedEmployees);
      if (unitCounts.created()
              + unitCounts.updated()
              + employeeCounts.created()
              + employeeCounts.updated()
          > 0) {
        audit.record(
            actor,
            "ORGANISATION_IMPORTED",
            "ORGANISATION",
            "import",
            null,
            Map.of("units", unitCounts, "employees", employeeCounts));
      }
    }
    return report;
  }

  private static Counts none() {
    return new Counts(0, 0, 0);
  }

  private static <T> Counts count(Map<String, T> file, Map<String, T> stored) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (var entry : file.entrySet()) {
      T before = stored.get(entry.getKey());
      if (before == null) {
        created++;
      } else if (before.equals(entry.getValue())) {
        unchanged++;
      } else {
        updated++;
      }
    }
    return new Counts(created, updated, unchanged);
  }

  private List<Table.Line> lines(
      String file, Upload upload, List<String> required, List<RowError> errors) {
    if (upload == null) {
      return List.of();
    }
    Table table = Table.read(upload.fileName(), upload.content(), required);
    table
        .problems()
        .forEach(p -> errors.add(new RowError(file, p.row(), p.column(), p.code(), p.value())));
    return table.lines();
  }

  private static UnitState unit(Table.Line line) {
    return new UnitState(
        line.get("code"),
        line.get("name"),
        emptyToNull(line.get("parent_code")),
        emptyToNull(line.get("head_nip")));
  }

  private static EmployeeState employee(Table.Line line) {
    String type = line.get("employee_type").toUpperCase(Locale.ROOT);
    String positionType = line.get("position_type").toUpperCase(Locale.ROOT);
    return new EmployeeState(
        line.get("nip"),
        line.get("name"),
        line.get("position"),
        line.get("grade"),
        type.isEmpty() ? "PNS" : type,
        line.get("unit_code"),
        emptyToNull(line.get("superior_nip")),
        emptyToNull(line.get("email")),
        emptyToNull(positionType),
        true);
  }

  private void checkUnit(
      Table.Line line,
      UnitState unit,
      Map<String, UnitState> seen,
      Set<String> storedCodes,
      Set<String> fileCodes,
      List<RowError> errors) {
    int row = line.number();
    if (unit.code().isEmpty()) {
      errors.add(new RowError(UNITS, row, "code", "import.required", ""));
    } else if (!CODE.matcher(unit.code()).matches()) {
      errors.add(new RowError(UNITS, row, "code", "import.unitCode", unit.code()));
    } else if (seen.containsKey(unit.code())) {
      errors.add(new RowError(UNITS, row, "code", "import.duplicateUnit", unit.code()));
    }
    if (unit.name().isEmpty()) {
      errors.add(new RowError(UNITS, row, "name", "import.required", ""));
    } else if (unit.name().length() > 200) {
      errors.add(new RowError(UNITS, row, "name", "import.tooLong", "200"));
    }
    String parent = unit.parent();
    if (parent != null && !storedCodes.contains(parent) && !fileCodes.contains(parent)) {
      errors.add(new RowError(UNITS, row, "parent_code", "import.unknownParent", parent));
    }
  }

  private void checkEmployee(
      Table.Line line,
      EmployeeState employee,
      Map<String, EmployeeState> seen,
      Map<String, UnitState> units,
      List<RowError> errors) {
    int row = line.number();
    String nip = employee.nip();
    Nip.problems(nip, time.today(time.defaultZone()))
        .forEach(code -> errors.add(new RowError(EMPLOYEES, row, "nip", code, nip)));
    if (seen.containsKey(nip)) {
      errors.add(new RowError(EMPLOYEES, row, "nip", "import.duplicateNip", nip));
    }
    for (String required : List.of("name", "position", "grade", "unit_code")) {
      if (line.get(required).isEmpty()) {
        errors.add(new RowError(EMPLOYEES, row, required, "import.required", ""));
      } else if (line.get(required).length() > 200) {
        errors.add(new RowError(EMPLOYEES, row, required, "import.tooLong", "200"));
      }
    }
    if (!employee.grade().isEmpty() && !GRADE.matcher(employee.grade()).matches()) {
      errors.add(new RowError(EMPLOYEES, row, "grade", "import.grade", employee.grade()));
    }
    if (!employee.type().equals("PNS") && !employee.type().equals("PPPK")) {
      errors.add(
          new RowError(
              EMPLOYEES, row, "employee_type", "import.employeeType", line.get("employee_type")));
    }
    if (employee.positionType() != null && !POSITION_TYPES.contains(employee.positionType())) {
      errors.add(
          new RowError(
              EMPLOYEES, row, "position_type", "import.positionType", line.get("position_type")));
    }
    if (!employee.unit().isEmpty() && !units.containsKey(employee.unit())) {
      errors.add(new RowError(EMPLOYEES, row, "unit_code", "import.unknownUnit", employee.unit()));
    }
    if (employee.email() != null && !EMAIL.matcher(employee.email()).matches()) {
      errors.add(new RowError(EMPLOYEES, row, "email", "import.email", employee.email()));
    }
  }

  private static boolean isOwnAncestor(String code, Map<String, UnitState> units) {
    Set<String> visited = new HashSet<>();
    String current = units.get(code).parent();
    while (current != null && visited.add(current)) {
      if (current.equals(code)) {
        return true;
      }
      UnitState parent = units.get(current);
      current = parent == null ? null : parent.parent();
    }
    return false;
  }

  private static boolean isOwnSuperior(String nip, Map<String, EmployeeState> employees) {
    Set<String> visited = new HashSet<>();
    String current = employees.get(nip).superior();
    while (current != null && visited.add(current)) {
      if (current.equals(nip)) {
        return true;
      }
      EmployeeState superior = employees.get(current);
      current = superior == null ? null : superior.superior();
    }
    return false;
  }

  private void save(
      Map<String, UnitState> units,
      Map<String, UnitState> storedUnits,
      Map<String, EmployeeState> employees,
      Map<String, EmployeeState> storedEmployees) {
    for (UnitState unit : units.values()) { // units first, their parents once all exist
      if (!unit.equals(storedUnits.get(unit.code()))) {
        jdbc.sql(
                """
                insert into org_unit (code, name) values (:code, :name)
                on conflict (code) do update set name = excluded.name""")
            .param("code", unit.code())
            .param("name", unit.name())
            .update();
      }
    }
    for (UnitState unit : units.values()) {
      UnitState before = storedUnits.get(unit.code());
      if (before == null || !Objects.equals(before.parent(), unit.parent())) {
        jdbc.sql(
                "update org_unit set parent_id = (select id from org_unit where code = :parent) where code = :code")
            .param("parent", unit.parent())
            .param("code", unit.code())
            .update();
      }
    }
    for (EmployeeState e : employees.values()) { // then people, their superiors once all exist
      EmployeeState before = storedEmployees.get(e.nip());
      if (e.equals(before)) {
        continue;
      }
      long id =
          jdbc.sql(
                  """
                  insert into employee (nip, name, position, grade, employee_type, unit_id, email, position_type)
                  values (:nip, :name, :position, :grade, :type, (select id from org_unit where code = :unit), :email, :positionType)
                  on conflict (nip) do update set name = excluded.name, position = excluded.position,
                    grade = excluded.grade, employee_type = excluded.employee_type, unit_id = excluded.unit_id,
                    email = excluded.email, position_type = excluded.position_type, active = true
                  returning id""")
              .param("nip", e.nip())
              .param("name", e.name())
              .param("position", e.position())
              .param("grade", e.grade())
              .param("type", e.type())
              .param("unit", e.unit())
              .param("email", e.email())
              .param("positionType", e.positionType())
              .query(Long.class)
              .single();
      if (before == null) {
        users.save(e.nip(), NO_PASSWORD, id, List.of(Role.PEGAWAI));
      }
    }
    for (EmployeeState e : employees.values()) {
      EmployeeState before = storedEmployees.get(e.nip());
      if (before == null || !Objects.equals(before.superior(), e.superior())) {
        jdbc.sql(
                "update employee set superior_id = (select id from employee where nip = :superior) where nip = :nip")
            .param("superior", e.superior())
            .param("nip", e.nip())
            .update();
      }
    }
    for (UnitState unit : units.values()) {
      UnitState before = storedUnits.get(unit.code());
      if (before == null || !Objects.equals(before.headNip(), unit.headNip())) {
        jdbc.sql(
                "update org_unit set head_employee_id = (select id from employee where nip = :head) where code = :code")
            .param("head", unit.headNip())
            .param("code", unit.code())
            .update();
      }
    }
  }

  private Map<String, UnitState> storedUnits() {
    var result = new HashMap<String, UnitState>();
    jdbc.sql(
            """
            select u.code, u.name, p.code, h.nip from org_unit u
              left join org_unit p on p.id = u.parent_id left join employee h on h.id = u.head_employee_id""")
        .query(
            rs -> {
              result.put(
                  rs.getString(1),
                  new UnitState(
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            });
    return result;
  }

  private Map<String, EmployeeState> storedEmployees() {
    var result = new HashMap<String, EmployeeState>();
    jdbc.sql(
            """
            select e.nip, e.name, e.position, e.grade, e.employee_type, u.code, s.nip, e.email, e.position_type, e.active
              from employee e join org_unit u on u.id = e.unit_id left join employee s on s.id = e.superior_id""")
        .query(
            rs -> {
              result.put(
                  rs.getString(1),
                  new EmployeeState(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9),
                      rs.getBoolean(10)));
            });
    return result;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
