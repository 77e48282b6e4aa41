package id.kinerja.document;

import java.util.Map;

/**
 * The pangkat (rank) that goes with a PNS golongan/ruang, as documents name it beside the grade.
 * PPPK grades (I to XVII) have no pangkat.
 */
final class Pangkat {

  private static final Map<String, String> BY_GRADE =
      Map.ofEntries(
          Map.entry("I/a", "Juru Muda"),
          Map.entry("I/b", "Juru Muda Tingkat I"),
          Map.entry("I/c", "Juru"),
          Map.entry("I/d", "Juru Tingkat I"),
          Map.entry("II/a", "Pengatur Muda"),
          Map.entry("II/b", "Pengatur Muda Tingkat I"),
          Map.entry("II/c", "Pengatur"),
          Map.entry("II/d", "Pengatur Tingkat I"),
          Map.entry("III/a", "Penata Muda"),
          Map.entry("III/b", "Penata Muda Tingkat I"),
          Map.entry("III/c", "Penata"),
          Map.entry("III/d", "Penata Tingkat I"),
          Map.entry("IV/a", "Pembina"),
          Map.entry("IV/b", "Pembina Tingkat I"),
          Map.entry("IV/c", "Pembina Utama Muda"),
          Map.entry("IV/d", "Pembina Utama Madya"),
          Map.entry("IV/e", "Pembina Utama"));

  private Pangkat() {}

  /** "Penata, III/c"; the grade alone when it has no pangkat (PPPK). */
  static String withGrade(String grade) {
    String pangkat = BY_GRADE.get(grade);
    return pangkat == null ? grade : pangkat + ", " + grade;
  }
}
