package id.kinerja.coaching;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders grades (golongan/ruang) of PNS and PPPK on one scale: PNS I/a = 1 .. I/d = 4, II/a = 5 ..
 * II/d = 8, III/a = 9 .. III/d = 12, IV/a = 13 .. IV/e = 17; PPPK I .. XVII = 1 .. 17, so PPPK IX
 * stands level with III/a and XIII with IV/a (the usual equivalence by entry education). Unknown
 * grades rank -1 and are never "higher".
 */
public final class Grades {

  private static final Pattern PNS = Pattern.compile("^(I|II|III|IV)/([a-e])$");
  private static final List<String> ROMAN =
      List.of(
          "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
          "XV", "XVI", "XVII");
  private static final Map<String, Integer> PNS_GROUP = Map.of("I", 0, "II", 4, "III", 8, "IV", 12);

  private Grades() {}

  public static int rank(String grade) {
    if (grade == null) {
      return -1;
    }
    String g = grade.trim();
    Matcher pns = PNS.matcher(g);
    if (pns.matches()) {
      int letter = pns.group(2).charAt(0) - 'a' + 1;
      if (letter == 5 && !pns.group(1).equals("IV")) {
        return -1;
      }
      return PNS_GROUP.get(pns.group(1)) + letter;
    }
    int pppk = ROMAN.indexOf(g);
    return pppk < 0 ? -1 : pppk + 1;
  }
}
