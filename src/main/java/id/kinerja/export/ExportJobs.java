package id.kinerja.export;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Exports made in the background, one at a time: the job row carries the progress while rows are
 * written and then the file, kept for seven days for its requester to download. A job a restart
 * interrupted is marked failed, so that nobody waits for it.
 */
@Service
class ExportJobs {

  private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

  private final JdbcClient jdbc;
  private final Exports exports;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "kinerja-export");
            thread.setDaemon(true);
            return thread;
          });

  ExportJobs(JdbcClient jdbc, Exports exports) {
    this.jdbc = jdbc;
    this.exports = exports;
  }

  /**
   * An export job as its requester sees it.
   *
   * @param percent progress, 0-100
   * @param downloadUrl the file's link once done
   */
  record Job(
      UUID id,
      String kind,
      String unitCode,
      int year,
      String period,
      String format,
      String status,
      Integer totalRows,
      int doneRows,
      int percent,
      String downloadUrl,
      String fileName,
      String error,
      Instant createdAt,
      Instant finishedAt) {}

  record File(String name, String contentType, byte[] content) {}

  UUID start(ExportRequest request, String user) {
    jdbc.sql("delete from export_job where created_at < now() - interval '7 days'").update();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into export_job (id, requested_by, kind, unit_code, period_year, period, format, locale)
            values (:id, :user, :kind, :unit, :year, :period, :format, :locale)""")
        .param("id", id)
        .param("user", user)
        .param("kind", request.kind().name())
        .param("unit", request.unitCode())
        .param("year", request.year())
        .param("period", request.period())
        .param("format", request.format().name())
        .param("locale", request.locale().getLanguage())
        .update();
    runner.submit(() -> run(id, request));
    return id;
  }

  private void run(UUID id, ExportRequest request) {
    long started = System.nanoTime();
    try {
      int[] total = {0};
      byte[] content =
          exports.write(
              request,
              new Exports.Progress() {
                @Override
                public void total(int rows) {
                  total[0] = rows;
                  jdbc.sql(
                          "update export_job set status = 'RUNNING', total_rows = :total where id = :id")
                      .param("total", rows)
                      .param("id", id)
                      .update();
                }

                @Override
                public void done(int rows) {
                  jdbc.sql("update export_job set done_rows = :done where id = :id")
                      .param("done", rows)
                      .param("id", id)
                      .update();
                }
              });
      jdbc.sql(
              """
              update export_job set status = 'DONE', done_rows = total_rows, file_name = :name,
                content_type = :type, content = :content, finished_at = now() where id = :id""")
          .param("name", request.fileName())
          .param("type", request.format().contentType)
          .param("content", content)
          .param("id", id)
          .update();
      log.info(
          "Export {} ({} {} {} rows) done in {} ms",
          id,
          request.kind(),
          request.format(),
          total[0],
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Export {} failed", id, e);
      jdbc.sql(
              "update export_job set status = 'FAILED', error = :error, finished_at = now() where id = :id")
          .param("error", String.valueOf(e.getMessage()))
          .param("id", id)
          .update();
    }
  }

  Optional<Job> get(UUID id, String user) {
    return jdbc.sql(SELECT + " where id = :id and requested_by = :user")
        .param("id", id)
        .param("user", user)
        .query(this::job)
        .optional();
  }

  List<Job> mine(String user) {
    return jdbc.sql(SELECT + " where requested_by = :user order by created_at desc limit 20")
        .param("user", user)
        .query(this::job)
        .list();
  }

  Optional<File> file(UUID id, String user) {
    return jdbc.sql(
            "select file_name, content_type, content from export_job where id = :id and requested_by = :user and status = 'DONE'")
        .param("id", id)
        .param("user", user)
        .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  @EventListener(ApplicationReadyEvent.class)
  void failInterrupted() {
    int interrupted =
        jdbc.sql(
                """
                update export_job set status = 'FAILED', error = 'interrupted by a restart', finished_at = now()
                 where status in ('QUEUED', 'RUNNING')""")
            .update();
    if (interrupted > 0) {
      log.warn("{} export(s) interrupted by the restart were marked failed", interrupted);
    }
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  private static final String SELECT =
      """
      select id, kind, unit_code, period_year, period, format, status, total_rows, done_rows, file_name, error,
             created_at, finished_at from export_job""";

  private Job job(ResultSet rs, int n) throws SQLException {
    OffsetDateTime finished = rs.getObject(13, OffsetDateTime.class);
    UUID id = rs.getObject(1, UUID.class);
    String status = rs.getString(7);
    Integer total = (Integer) rs.getObject(8);
    int done = rs.getInt(9);
    boolean finishedWell = "DONE".equals(status);
    int percent =
        finishedWell ? 100 : total == null || total == 0 ? 0 : Math.min(99, done * 100 / total);
    return new Job(
        id,
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        status,
        total,
        done,
        percent,
        finishedWell ? "/api/exports/" + id + "/file" : null,
        rs.getString(10),
        rs.getString(11),
        rs.getObject(12, OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
