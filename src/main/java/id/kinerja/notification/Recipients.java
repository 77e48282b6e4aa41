package id.kinerja.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who a user name reaches: the employee's e-mail address, name and the user's language. */
@Component
class Recipients {

  record Recipient(String username, String name, String email, String locale) {}

  private final JdbcClient jdbc;

  Recipients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The enabled users holding a role: the people a task offered to a group concerns. */
  List<String> withRole(String role) {
    return jdbc.sql(
            """
            select u.username from app_user u join app_user_role r on r.user_id = u.id
             where r.role = ? and u.enabled order by u.username
            """)
        .param(role)
        .query(String.class)
        .list();
  }

  Optional<Recipient> find(String username) {
    return jdbc.sql(
            """
            select u.username, coalesce(e.name, u.username) as name, e.email, u.locale
              from app_user u left join employee e on e.id = u.employee_id
             where u.username = ?
            """)
        .param(username)
        .query(
            (rs, n) ->
                new Recipient(
                    rs.getString("username"),
                    rs.getString("name"),
                    rs.getString("email"),
                    "en".equalsIgnoreCase(rs.getString("locale")) ? "en" : "id"))
        .optional();
  }
}
