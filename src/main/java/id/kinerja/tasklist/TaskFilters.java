package id.kinerja.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Filters a person saved for the task lists, kept on the server so they follow them. */
@Repository
class TaskFilters {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  TaskFilters(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  record SavedFilter(long id, String name, JsonNode query) {}

  List<SavedFilter> of(String username) {
    return jdbc.sql(
            "select id, name, query::text from task_filter where username = :user order by name")
        .param("user", username)
        .query((rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), read(rs.getString(3))))
        .list();
  }

  /** Saves under a name, replacing the person's filter of the same name. */
  @Transactional
  SavedFilter save(String username, String name, JsonNode query) {
    long id =
        jdbc.sql(
                """
                insert into task_filter (username, name, query) values (:user, :name, cast(:query as jsonb))
                on conflict (username, name) do update set query = excluded.query returning id""")
            .param("user", username)
            .param("name", name)
            .param("query", query.toString())
            .query(Long.class)
            .single();
    return new SavedFilter(id, name, query);
  }

  @Transactional
  boolean delete(String username, long id) {
    return jdbc.sql("delete from task_filter where id = :id and username = :user")
            .param("id", id)
            .param("user", username)
            .update()
        == 1;
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
