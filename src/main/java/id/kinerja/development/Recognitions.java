package id.kinerja.development;

import id.kinerja.audit.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penghargaan and talent-pool entries for a Sangat Baik annual result, with who decided them: the
 * Pengelola Kinerja records them from the follow-up list.
 */
@Repository
public class Recognitions {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Recognitions(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public enum Kind {
    AWARD,
    TALENT_POOL
  }

  public record Recognition(
      long id,
      String employeeNip,
      int periodYear,
      String kind,
      String title,
      String reason,
      String decidedBy,
      Instant decidedAt) {}

  /** Whether the employee's delivered annual result of the year stands at Sangat Baik. */
  boolean sangatBaik(String employeeNip, int year) {
    return jdbc.sql(
            """
            select exists (select 1 from evaluation where employee_nip = :nip and period_year = :year
               and period = 'ANNUAL' and status = 'DELIVERED' and predikat = 'SANGAT_BAIK')""")
        .param("nip", employeeNip)
        .param("year", year)
        .query(Boolean.class)
        .single();
  }

  /** Records one; refused when the employee has this kind for the year already. */
  @Transactional
  public Recognition record(
      String employeeNip, int year, Kind kind, String title, String reason, String by) {
    int inserted =
        jdbc.sql(
                """
                insert into recognition (employee_nip, period_year, kind, title, reason, decided_by)
                values (:nip, :year, :kind, :title, :reason, :by)
                on conflict (employee_nip, period_year, kind) do nothing""")
            .param("nip", employeeNip)
            .param("year", year)
            .param("kind", kind.name())
            .param("title", title)
            .param("reason", reason)
            .param("by", by)
            .update();
    if (inserted == 0) {
      throw DevelopmentRefusal.conflict("development.error.recognised");
    }
    Recognition recognition =
        jdbc.sql(
                RECOGNITION + " where employee_nip = :nip and period_year = :year and kind = :kind")
            .param("nip", employeeNip)
            .param("year", year)
            .param("kind", kind.name())
            .query(this::recognition)
            .single();
    Map<String, Object> after = new HashMap<>();
    after.put("nip", employeeNip);
    after.put("year", year);
    after.put("kind", kind.name());
    after.put("title", title);
    after.put("reason", reason);
    audit.record(by, "RECOGNITION_RECORDED", "RECOGNITION", recognition.id(), null, after);
    return recognition;
  }

  public List<Recognition> ofYear(int year) {
    return jdbc.sql(RECOGNITION + " where period_year = :year order by id")
        .param("year", year)
        .query(this::recognition)
        .list();
  }

  public List<Recognition> ofEmployee(String employeeNip) {
    return jdbc.sql(RECOGNITION + " where employee_nip = :nip order by period_year desc, id")
        .param("nip", employeeNip)
        .query(this::recognition)
        .list();
  }

  private static final String RECOGNITION =
      "select id, employee_nip, period_year, kind, title, reason, decided_by, decided_at from recognition";

  private Recognition recognition(ResultSet rs, int n) throws SQLException {
    return new Recognition(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        DevelopmentPlans.instant(rs, 8));
  }
}
