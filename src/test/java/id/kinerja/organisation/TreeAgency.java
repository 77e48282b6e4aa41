package id.kinerja.organisation;

import id.kinerja.identity.Role;
import id.kinerja.identity.Users;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small agency of its own, imported for one test through the organisation import: a Dinas with a
 * Bidang and a Seksi whose head is vacant, six people, and its own Pengelola Kinerja. Everyone
 * signs in with the demo password.
 */
public final class TreeAgency {

  public final String suffix = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
  public final String agency = "DLH-" + suffix;
  public final String bidang = "BID-" + suffix;
  public final String seksi = "SEK-" + suffix;
  public final String kadis;
  public final String kabid;
  public final String staff1;
  public final String staff2;
  public final String staff3;
  public final String officer;

  public TreeAgency(OrganisationImport importer, Users users, JdbcClient jdbc) {
    int base = 100 + Math.floorMod(suffix.hashCode(), 800);
    kadis = nip(LocalDate.of(1970, 1, 1).plusDays(base), 1, base);
    kabid = nip(LocalDate.of(1976, 1, 1).plusDays(base), 2, base);
    staff1 = nip(LocalDate.of(1990, 1, 1).plusDays(base), 1, base);
    staff2 = nip(LocalDate.of(1991, 1, 1).plusDays(base), 2, base);
    staff3 = nip(LocalDate.of(1992, 1, 1).plusDays(base), 1, base);
    officer = nip(LocalDate.of(1988, 1, 1).plusDays(base), 2, base);
    String units =
        """
        code,name,parent_code,head_nip
        %s,Dinas Lingkungan Hidup %s,,%s
        %s,Bidang Pengendalian,%s,%s
        %s,Seksi Pemantauan Kualitas Udara,%s,
        """
            .formatted(agency, suffix, kadis, bidang, agency, kabid, seksi, bidang);
    String people =
        """
        nip,name,position,grade,employee_type,unit_code,superior_nip,email,position_type
        %s,Lalu Gede Mahendra,Kepala Dinas,IV/c,PNS,%s,,,struktural
        %s,Baiq Ratna Dewi,Kepala Bidang Pengendalian,IV/a,PNS,%s,%s,,struktural
        %s,Made Arya Putra,Pengendali Dampak Lingkungan,III/b,PNS,%s,,,fungsional
        %s,Siti Khadijah,Analis Kualitas Udara,III/a,PNS,%s,,,fungsional
        %s,Rudi Hartawan,Pengolah Data,III/a,PNS,%s,,,pelaksana
        %s,Nurul Fitriani,Analis SDM Aparatur,III/b,PNS,%s,%s,,fungsional
        """
            .formatted(
                kadis, agency, kabid, bidang, kadis, staff1, seksi, staff2, seksi, staff3, seksi,
                officer, agency, kadis);
    OrganisationImport.Report report =
        importer.run(
            new OrganisationImport.Upload("units.csv", units.getBytes(StandardCharsets.UTF_8)),
            new OrganisationImport.Upload("people.csv", people.getBytes(StandardCharsets.UTF_8)),
            false,
            "test");
    if (!report.imported()) {
      throw new IllegalStateException(report.errors().toString());
    }
    // everyone signs in with the demo password (its hash copied: BCrypt is slow on purpose)
    jdbc.sql(
            "update app_user set password_hash = (select password_hash from app_user where username = 'pegawai1') where username in (:users)")
        .param("users", List.of(kadis, kabid, staff1, staff2, staff3, officer))
        .update();
    users.setRoles(
        users.find(officer).orElseThrow().id(), List.of(Role.PEGAWAI, Role.PENGELOLA_KINERJA));
  }

  static String nip(LocalDate birth, int gender, int sequence) {
    return "%s%04d03%d%03d"
        .formatted(birth.toString().replace("-", ""), birth.getYear() + 25, gender, sequence);
  }
}
