package id.kinerja.organisation;

import java.util.List;

/** An organisational unit (Dinas, Bidang, Seksi, ...) with its head and sub-units. */
public record OrgUnit(
    long id,
    String code,
    String name,
    Long parentId,
    Long headEmployeeId,
    List<OrgUnit> children) {}
