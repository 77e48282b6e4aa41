package id.kinerja.tasklist;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evidence files uploaded for a task's form (a form-js file picker): stored with the task they
 * belong to, referred to in the submission as {evidenceId, name, url}.
 */
@Repository
public class TaskEvidence {

  /** What people attach as evidence: documents and pictures, nothing a browser would run. */
  static final Map<String, String> TYPES =
      Map.of(
          "pdf", "application/pdf",
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final JdbcClient jdbc;

  TaskEvidence(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored file as a submission refers to it. */
  public record Reference(String evidenceId, String name, long size, String url) {}

  public record StoredFile(
      UUID id,
      long taskKey,
      String employeeNip,
      String uploadedBy,
      String fileName,
      String contentType,
      byte[] content) {}

  /**
   * @return the file's type by its extension, or empty when it is not accepted as evidence
   */
  static Optional<String> contentTypeOf(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  Reference store(TaskRow task, String uploadedBy, String fileName, byte[] content) {
    UUID id = UUID.randomUUID();
    String name = fileName.replaceAll("[\\\\/\\r\\n\"]", "_"); // safe in a download header
    jdbc.sql(
            """
            insert into task_evidence (id, task_key, employee_nip, uploaded_by, file_name, content_type, size_bytes, content)
            values (:id, :task, :nip, :by, :name, :type, :size, :content)""")
        .param("id", id)
        .param("task", task.key())
        .param("nip", task.employeeNip())
        .param("by", uploadedBy)
        .param("name", name)
        .param("type", contentTypeOf(name).orElseThrow())
        .param("size", content.length)
        .param("content", content)
        .update();
    return new Reference(id.toString(), name, content.length, "/api/evidence/" + id);
  }

  public Optional<StoredFile> find(UUID id) {
    return jdbc.sql(
            """
            select id, task_key, employee_nip, uploaded_by, file_name, content_type, content
              from task_evidence where id = :id""")
        .param("id", id)
        .query(
            (rs, n) ->
                new StoredFile(
                    rs.getObject(1, UUID.class),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBytes(7)))
        .optional();
  }

  /** The ids among these that were not uploaded for this task (or are not ids at all). */
  Set<String> notOf(long taskKey, Collection<String> ids) {
    var unknown = new HashSet<String>();
    var uuids = new HashSet<UUID>();
    for (String id : ids) {
      try {
        uuids.add(UUID.fromString(id));
      } catch (IllegalArgumentException e) {
        unknown.add(id);
      }
    }
    if (!uuids.isEmpty()) {
      List<UUID> known =
          jdbc.sql("select id from task_evidence where task_key = :task and id in (:ids)")
              .param("task", taskKey)
              .param("ids", uuids)
              .query(UUID.class)
              .list();
      uuids.stream().filter(u -> !known.contains(u)).map(UUID::toString).forEach(unknown::add);
    }
    return unknown;
  }
}
