package id.kinerja.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.kinerja.document.DocumentSubject.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents issued so far. Each distinct state of a record is issued once: the same state fetched
 * again carries the same number and code; a changed state (an appeal decided, an SKP approved) gets
 * the next number and a new code, and the earlier document is superseded.
 */
@Repository
class IssuedDocuments {

  private final JdbcClient jdbc;
  private final ObjectMapper canonical;

  IssuedDocuments(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  record Issued(
      long id,
      Kind kind,
      long subjectId,
      String fingerprint,
      String number,
      String code,
      Map<String, Object> statement,
      Instant issuedAt) {}

  /** The SHA-256 of what the subject states, in a canonical form. */
  String fingerprint(DocumentSubject subject) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  canonical
                      .writeValueAsString(subject.substance())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document of the subject's present state: the one issued already, or a new one. */
  @Transactional
  public Issued issue(DocumentSubject subject, String issuedBy) {
    String fingerprint = fingerprint(subject);
    // one issuer at a time per record, so that two downloads at once share one number
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", "document:" + subject.kind() + ":" + subject.subjectId())
        .query((rs, n) -> 1)
        .list();
    Optional<Issued> existing =
        jdbc.sql(SELECT + " where kind = :kind and subject_id = :subject and fingerprint = :f")
            .param("kind", subject.kind().name())
            .param("subject", subject.subjectId())
            .param("f", fingerprint)
            .query(this::issued)
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    int sequence =
        jdbc.sql(
                """
                insert into document_counter (kind, agency_code, year, last_number) values (:kind, :agency, :year, 1)
                on conflict (kind, agency_code, year) do update set last_number = document_counter.last_number + 1
                returning last_number""")
            .param("kind", subject.kind().name())
            .param("agency", subject.agencyCode())
            .param("year", subject.year())
            .query(Integer.class)
            .single();
    String number =
        "%s/%s/%d/%05d"
            .formatted(subject.kind().prefix, subject.agencyCode(), subject.year(), sequence);
    return jdbc.sql(
            """
            insert into issued_document (kind, subject_id, fingerprint, number, verification_code, statement, issued_by)
            values (:kind, :subject, :f, :number, :code, cast(:statement as jsonb), :by)
            returning id, kind, subject_id, fingerprint, number, verification_code, statement::text, issued_at""")
        .param("kind", subject.kind().name())
        .param("subject", subject.subjectId())
        .param("f", fingerprint)
        .param("number", number)
        .param("code", VerificationCodes.generate())
        .param("statement", write(subject.statement()))
        .param("by", issuedBy)
        .query(this::issued)
        .single();
  }

  Optional<Issued> byCode(String code) {
    return jdbc.sql(SELECT + " where verification_code = :code")
        .param("code", code)
        .query(this::issued)
        .optional();
  }

  /** The latest document issued for the record. */
  Optional<Issued> latest(Kind kind, long subjectId) {
    return jdbc.sql(
            SELECT + " where kind = :kind and subject_id = :subject order by id desc limit 1")
        .param("kind", kind.name())
        .param("subject", subjectId)
        .query(this::issued)
        .optional();
  }

  private static final String SELECT =
      "select id, kind, subject_id, fingerprint, number, verification_code, statement::text, issued_at from issued_document";

  private Issued issued(ResultSet rs, int n) throws SQLException {
    return new Issued(
        rs.getLong(1),
        Kind.valueOf(rs.getString(2)),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        read(rs.getString(7)),
        rs.getObject(8, OffsetDateTime.class).toInstant());
  }

  private String write(Object value) {
    try {
      return canonical.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return canonical.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
