package id.kinerja.identity;

/** What a person may do. PENILAI is never assigned: it follows from having subordinates. */
public enum Role {
  PEGAWAI,
  PENILAI,
  PENGELOLA_KINERJA,
  PROCESS_OWNER,
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
