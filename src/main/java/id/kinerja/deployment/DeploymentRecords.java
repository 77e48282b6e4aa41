package id.kinerja.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kinerja.engine.Engine.DefinitionKind;
import id.kinerja.engine.Engine.DeployedDefinition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The deployment history in PostgreSQL: who deployed which files when, and what came of it. */
@Repository
public class DeploymentRecords {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DeploymentRecords(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public enum Source {
    STARTUP,
    WATCHER,
    UPLOAD
  }

  public record DeploymentRow(
      long id,
      Source source,
      String deployedBy,
      Instant deployedAt,
      boolean deployed,
      Long deploymentKey,
      List<Problem> problems,
      List<ResourceRow> resources) {}

  public record ResourceRow(
      String name, DefinitionKind kind, String checksum, String resourceId, Integer version) {}

  public record DefinitionVersion(
      DefinitionKind kind,
      String id,
      int version,
      long key,
      String resourceName,
      String checksum,
      Instant deployedAt,
      String deployedBy) {}

  @Transactional
  public long recordSuccess(
      Source source,
      String user,
      long deploymentKey,
      List<ProcessResource> files,
      List<DeployedDefinition> definitions) {
    long id = insertDeployment(source, user, true, null, deploymentKey);
    for (ProcessResource file : files) {
      List<DeployedDefinition> ofFile =
          definitions.stream().filter(d -> file.name().equals(d.resourceName())).toList();
      if (ofFile.isEmpty()) {
        insertResource(id, file, null);
      }
      ofFile.forEach(definition -> insertResource(id, file, definition));
    }
    return id;
  }

  @Transactional
  public long recordFailure(
      Source source, String user, List<ProcessResource> files, List<Problem> problems) {
    long id = insertDeployment(source, user, false, problems, null);
    files.forEach(file -> insertResource(id, file, null));
    return id;
  }

  private long insertDeployment(
      Source source, String user, boolean deployed, List<Problem> problems, Long key) {
    return jdbc.sql(
            """
            insert into deployment (source, deployed_by, outcome, problems, deployment_key)
            values (:source, :user, :outcome, cast(:problems as jsonb), :key) returning id""")
        .param("source", source.name())
        .param("user", user)
        .param("outcome", deployed ? "DEPLOYED" : "FAILED")
        .param("problems", problems == null ? null : toJson(problems))
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private void insertResource(long deploymentId, ProcessResource file, DeployedDefinition def) {
    jdbc.sql(
            """
            insert into deployment_resource
              (deployment_id, resource_name, kind, checksum, content, resource_id, version, resource_key)
            values (:deployment, :name, :kind, :checksum, :content, :resourceId, :version, :key)""")
        .param("deployment", deploymentId)
        .param("name", file.name())
        .param("kind", file.kind().name())
        .param("checksum", file.checksum())
        // a refused file is kept as sent; text columns hold no NUL
        .param("content", file.text().replace('\u0000', '\uFFFD'))
        .param("resourceId", def == null ? null : def.id())
        .param("version", def == null ? null : def.version())
        .param("key", def == null ? null : def.key())
        .update();
  }

  /** Whether this definition version is recorded already (the file was unchanged). */
  public boolean isRecorded(DeployedDefinition definition) {
    return jdbc.sql(
                """
                select count(*) from deployment_resource
                where kind = :kind and resource_id = :id and version = :version and resource_key = :key""")
            .param("kind", definition.kind().name())
            .param("id", definition.id())
            .param("version", definition.version())
            .param("key", definition.key())
            .query(Long.class)
            .single()
        > 0;
  }

  /** The checksum of the file as it was last deployed, when it ever was. */
  public Optional<String> lastDeployedChecksum(String resourceName) {
    return jdbc.sql(
            """
            select r.checksum from deployment_resource r join deployment d on d.id = r.deployment_id
             where d.outcome = 'DEPLOYED' and r.resource_name = :name and r.resource_key is not null
             order by d.id desc limit 1""")
        .param("name", resourceName)
        .query(String.class)
        .optional();
  }

  public Set<String> deployedIds(DefinitionKind kind) {
    return new HashSet<>(
        jdbc.sql(
                "select distinct resource_id from deployment_resource where kind = :kind and resource_id is not null")
            .param("kind", kind.name())
            .query(String.class)
            .list());
  }

  /** Every deployed version of every definition of a kind, newest version first per id. */
  public Map<String, List<DefinitionVersion>> versions(DefinitionKind kind) {
    var byId = new LinkedHashMap<String, List<DefinitionVersion>>();
    jdbc.sql(
            """
            select r.kind, r.resource_id, r.version, r.resource_key, r.resource_name, r.checksum,
                   d.deployed_at, d.deployed_by
            from deployment_resource r join deployment d on d.id = r.deployment_id
            where r.kind = :kind and r.resource_id is not null
            order by r.resource_id, r.version desc""")
        .param("kind", kind.name())
        .query(
            (rs, n) ->
                new DefinitionVersion(
                    DefinitionKind.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class).toInstant(),
                    rs.getString(8)))
        .list()
        .forEach(v -> byId.computeIfAbsent(v.id(), id -> new ArrayList<>()).add(v));
    return byId;
  }

  public Optional<String> content(DefinitionKind kind, String id, int version) {
    return jdbc.sql(
            "select content from deployment_resource where kind = :kind and resource_id = :id and version = :version limit 1")
        .param("kind", kind.name())
        .param("id", id)
        .param("version", version)
        .query(String.class)
        .optional();
  }

  /**
   * Per process version, the instances waiting at a human step now: the engine offers no query API
   * here (no Operate), so the tasklist's open tasks are the count.
   */
  public Map<Long, Long> waitingInstances() {
    Map<Long, Long> waiting = new HashMap<>();
    jdbc.sql(
            """
            select process_definition_key, count(distinct process_instance_key) from user_task
            where state = 'OPEN' group by process_definition_key""")
        .query(
            rs -> {
              waiting.put(rs.getLong(1), rs.getLong(2));
            });
    return waiting;
  }

  /** The file that defined the engine's definition with this key (a process or a form). */
  public Optional<String> contentByKey(long definitionKey) {
    return jdbc.sql("select content from deployment_resource where resource_key = :key limit 1")
        .param("key", definitionKey)
        .query(String.class)
        .optional();
  }

  public List<DeploymentRow> history(int page, int size) {
    List<DeploymentRow> rows =
        jdbc.sql(
                """
                select id, source, deployed_by, deployed_at, outcome, deployment_key, problems::text
                from deployment order by id desc limit :size offset :offset""")
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new DeploymentRow(
                        rs.getLong(1),
                        Source.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        "DEPLOYED".equals(rs.getString(5)),
                        (Long) rs.getObject(6),
                        fromJson(rs.getString(7)),
                        new ArrayList<>()))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, DeploymentRow> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id(), r));
    jdbc.sql(
            """
            select deployment_id, resource_name, kind, checksum, resource_id, version
            from deployment_resource where deployment_id in (:ids) order by id""")
        .param("ids", byId.keySet())
        .query(
            rs -> {
              byId.get(rs.getLong(1))
                  .resources()
                  .add(
                      new ResourceRow(
                          rs.getString(2),
                          DefinitionKind.valueOf(rs.getString(3)),
                          rs.getString(4),
                          rs.getString(5),
                          (Integer) rs.getObject(6)));
            });
    return rows;
  }

  public long count() {
    return jdbc.sql("select count(*) from deployment").query(Long.class).single();
  }

  private String toJson(List<Problem> problems) {
    try {
      return json.writeValueAsString(problems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Problem> fromJson(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, new TypeReference<List<Problem>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
