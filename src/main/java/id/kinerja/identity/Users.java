package id.kinerja.identity;

import id.kinerja.organisation.AgencyTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users who sign in, with their assigned roles and the derived PENILAI role. */
@Service
public class Users implements UserDetailsService {

  private final JdbcClient jdbc;
  private final AgencyTime time;

  Users(JdbcClient jdbc, AgencyTime time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public KinerjaUser loadUserByUsername(String username) {
    return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
  }

  public Optional<KinerjaUser> find(String username) {
    return find("u.username = :key", username);
  }

  /** The account of the employee with this NIP (single sign-on matches people by NIP). */
  public Optional<KinerjaUser> findByNip(String nip) {
    return find("e.nip = :key", nip);
  }

  private Optional<KinerjaUser> find(String condition, String key) {
    return jdbc.sql(
            """
            select u.id, u.username, u.password_hash, u.employee_id, e.nip,
                   coalesce(e.name, (select min(o.name) from agency_official o where o.username = u.username), u.username),
                   u.locale, u.enabled
              from app_user u left join employee e on e.id = u.employee_id
             where\s"""
                + condition)
        .param("key", key)
        .query(
            (rs, n) ->
                new KinerjaUser(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Long) rs.getObject(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getBoolean(8),
                    Set.of()))
        .optional()
        .map(u -> withRoles(u, roles(u)));
  }

  private Set<Role> roles(KinerjaUser user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from app_user_role where user_id = :id")
        .param("id", user.id())
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    if (roles.contains(Role.PENGELOLA_BKPSDM)) {
      roles.add(Role.PENGELOLA_KINERJA);
    }
    if (isRater(user)) {
      roles.add(Role.PENILAI);
    }
    return roles;
  }

  /**
   * A rater is someone with subordinates: employees whose direct superior they are, a unit they
   * head, a post they act in today, someone they were named rater of, or an agency whose head they
   * rate as its configured official.
   */
  private boolean isRater(KinerjaUser user) {
    return jdbc.sql(
            """
            select exists (select 1 from agency_official where username = :username)
                or exists (select 1 from employee where superior_id = :id and active)
                or exists (select 1 from org_unit where head_employee_id = :id)
                or exists (select 1 from rater_override where rater_employee_id = :id)
                or exists (select 1 from acting_official where acting_employee_id = :id
                             and :today between starts_on and ends_on)""")
        .param("username", user.username())
        .param("id", user.employeeId() == null ? -1L : user.employeeId())
        .param("today", time.today(time.zoneOfUser(user.username())))
        .query(Boolean.class)
        .single();
  }

  private static KinerjaUser withRoles(KinerjaUser u, Set<Role> roles) {
    return new KinerjaUser(
        u.id(),
        u.username(),
        u.passwordHash(),
        u.employeeId(),
        u.employeeNip(),
        u.name(),
        u.locale(),
        u.enabled(),
        roles);
  }

  @Transactional
  public void setLocale(String username, String locale) {
    jdbc.sql("update app_user set locale = :locale where username = :username")
        .param("locale", locale)
        .param("username", username)
        .update();
  }

  /** Whether any account holds the role (PENILAI is derived and never held). */
  public boolean anyoneHas(Role role) {
    return jdbc.sql("select exists (select 1 from app_user_role where role = :role)")
        .param("role", role.name())
        .query(Boolean.class)
        .single();
  }

  /** Replaces the assigned roles of a user. */
  @Transactional
  public void setRoles(long userId, List<Role> roles) {
    jdbc.sql("delete from app_user_role where user_id = :id").param("id", userId).update();
    for (Role role : roles) {
      if (role != Role.PENILAI) {
        jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
            .param("id", userId)
            .param("role", role.name())
            .update();
      }
    }
  }

  /** Creates or updates a user; roles are replaced. */
  @Transactional
  public long save(String username, String passwordHash, Long employeeId, List<Role> roles) {
    long id =
        jdbc.sql(
                """
                insert into app_user (username, password_hash, employee_id) values (:u, :p, :e)
                on conflict (username) do update set password_hash = excluded.password_hash,
                  employee_id = excluded.employee_id returning id""")
            .param("u", username)
            .param("p", passwordHash)
            .param("e", employeeId)
            .query(Long.class)
            .single();
    setRoles(id, roles);
    return id;
  }
}
