package id.kinerja.identity;

import org.springframework.security.core.Authentication;

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

  /** The Pengelola Kinerja and admins, who may see every employee's records. */
  public static boolean isOfficer(Authentication auth) {
    return auth.getAuthorities().stream()
        .anyMatch(
            a ->
                a.getAuthority().equals(PENGELOLA_KINERJA.authority())
                    || a.getAuthority().equals(ADMIN.authority()));
  }
}
