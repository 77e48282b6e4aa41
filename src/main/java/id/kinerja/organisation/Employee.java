package id.kinerja.organisation;

/** A civil servant (PNS or PPPK) in the organisation tree. */
public record Employee(
    long id,
    String nip,
    String name,
    String position,
    String grade,
    String employeeType,
    long unitId,
    String unitCode,
    String unitName,
    Long superiorId,
    String email,
    boolean active,
    String username) {}
