package id.kinerja.organisation;

import id.kinerja.audit.AuditTrail;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officials above an agency [C]: who rates the agency's head (for example the Sekretaris
 * Daerah) and who decides the head's appeals (for example the Kepala Daerah). They are not in the
 * agency's tree; each signs in with an account of their own. {@link Organisation} derives from
 * them.
 */
@Service
public class AgencyOfficials {

  public static final List<String> KINDS = List.of("RATER", "APPEAL_DECIDER");

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final AuditTrail audit;

  AgencyOfficials(JdbcClient jdbc, Organisation organisation, AuditTrail audit) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.audit = audit;
  }

  public record Official(
      String agencyCode, String kind, String username, String name, String position) {}

  public List<Official> of(String agencyCode) {
    return jdbc.sql(
            """
            select u.code, o.kind, o.username, o.name, o.position from agency_official o
              join org_unit u on u.id = o.agency_unit_id where u.code = :code order by o.kind desc""")
        .param("code", agencyCode)
        .query(
            (rs, n) ->
                new Official(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** Names the agency's official of a kind; the account must exist. */
  @Transactional
  public Official set(Official official, String actor) {
    OrgUnit agency =
        organisation
            .unit(official.agencyCode())
            .filter(u -> u.parentId() == null)
            .orElseThrow(
                () ->
                    OrganisationRefusal.invalid(
                        "organisation.official.notAgency", official.agencyCode()));
    if (!KINDS.contains(official.kind())) {
      throw OrganisationRefusal.invalid("organisation.official.kind", official.kind());
    }
    boolean account =
        jdbc.sql("select exists (select 1 from app_user where username = :u)")
            .param("u", official.username())
            .query(Boolean.class)
            .single();
    if (!account) {
      throw OrganisationRefusal.invalid("organisation.official.noAccount", official.username());
    }
    if (official.name() == null
        || official.name().isBlank()
        || official.position() == null
        || official.position().isBlank()) {
      throw OrganisationRefusal.invalid("organisation.official.nameAndPosition");
    }
    var before =
        of(official.agencyCode()).stream()
            .filter(o -> o.kind().equals(official.kind()))
            .findFirst();
    jdbc.sql(
            """
            insert into agency_official (agency_unit_id, kind, username, name, position, set_by)
            values (:agency, :kind, :username, :name, :position, :actor)
            on conflict (agency_unit_id, kind) do update set username = excluded.username, name = excluded.name,
              position = excluded.position, set_by = excluded.set_by, set_at = now()""")
        .param("agency", agency.id())
        .param("kind", official.kind())
        .param("username", official.username())
        .param("name", official.name().strip())
        .param("position", official.position().strip())
        .param("actor", actor)
        .update();
    audit.record(
        actor,
        "AGENCY_OFFICIAL_SET",
        "ORG_UNIT",
        official.agencyCode(),
        before.map(o -> (Object) Map.of("kind", o.kind(), "username", o.username())).orElse(null),
        Map.of("kind", official.kind(), "username", official.username()));
    return official;
  }
}
