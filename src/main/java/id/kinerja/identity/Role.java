package id.kinerja.identity;

import org.springframework.security.core.Authentication;

/**
 * What a person may do. PENILAI is never assigned: it follows from having subordinates. A
 * PENGELOLA_KINERJA looks after the agency they work in; a PENGELOLA_BKPSDM (the regional
 * government's personnel agency) after every agency, and is a PENGELOLA_KINERJA as well.
 */
public enum Role {
  PEGAWAI,
  PENILAI,
  PENGELOLA_KINERJA,
  PENGELOLA_BKPSDM,
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
