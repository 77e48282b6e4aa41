package id.kinerja.bench;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An agency of n employees in a tree of 3 to 5 levels (3 below 300 people, 4 below 3,000, 5 above),
 * each unit of 5 to 30 people: its head, who reports to the parent unit's head, and staff who
 * report to the head. The agency's head reports to the demo's Sekda. NIPs are valid (birth date,
 * TMT, gender, sequence) and unique up to about 12,000 people.
 */
record GeneratedAgency(String code, List<Unit> units, List<Person> people) {

  record Unit(String code, String name, String parent, String headNip, int level) {}

  record Person(String nip, String unit, String superior, boolean head, int level) {}

  static GeneratedAgency of(int employees, long seed) {
    int levels = employees < 300 ? 3 : employees < 3000 ? 4 : 5;
    double unitsNeeded = employees / 17.5;
    int fanOut = (int) Math.ceil(Math.pow(unitsNeeded, 1.0 / (levels - 1)));
    while (true) {
      GeneratedAgency agency = attempt(employees, levels, Math.max(2, fanOut), new Random(seed));
      if (agency != null) {
        return agency;
      }
      fanOut++;
    }
  }

  /** Depth first until the people are placed; null when the tree was too small for them. */
  private static GeneratedAgency attempt(int employees, int levels, int fanOut, Random random) {
    String code = "BENCH";
    var units = new ArrayList<Unit>();
    var people = new ArrayList<Person>();
    record Open(String code, String parent, String parentHead, int level) {}
    var queue = new ArrayDeque<Open>();
    queue.add(new Open(code, "", "", 1));
    int remaining = employees;
    while (remaining > 0) {
      Open open = queue.poll();
      if (open == null) {
        return null;
      }
      int size = Math.min(remaining, 5 + random.nextInt(26));
      if (remaining - size < 5) {
        size = remaining; // no unit of fewer than five at the end (may exceed 30 by up to four)
      }
      remaining -= size;
      String head = nip(people.size() + 1);
      people.add(new Person(head, open.code(), open.parentHead(), true, open.level()));
      for (int i = 1; i < size; i++) {
        people.add(new Person(nip(people.size() + 1), open.code(), head, false, open.level()));
      }
      units.add(
          new Unit(
              open.code(),
              open.level() == 1 ? "Badan Uji Beban" : "Unit " + open.code(),
              open.parent(),
              head,
              open.level()));
      if (open.level() < levels) {
        int children = Math.max(1, fanOut - 1 + random.nextInt(3));
        for (int c = children; c >= 1; c--) { // depth first: every level is reached early
          queue.push(new Open(open.code() + "-" + c, open.code(), head, open.level() + 1));
        }
      }
    }
    return new GeneratedAgency(code, units, people);
  }

  /** Valid and unique: birth dates one day apart from 1966, appointed at 25, sequence 1-999. */
  private static String nip(int index) {
    LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(index);
    return "%s%04d03%d%03d"
        .formatted(
            birth.toString().replace("-", ""),
            birth.getYear() + 25,
            1 + index % 2,
            1 + index % 999);
  }

  int depth() {
    return units.stream().mapToInt(Unit::level).max().orElse(0);
  }

  String unitsCsv() {
    var csv = new StringBuilder("code,name,parent_code,head_nip\n");
    for (Unit u : units) {
      csv.append("%s,%s,%s,%s\n".formatted(u.code(), u.name(), u.parent(), u.headNip()));
    }
    return csv.toString();
  }

  String employeesCsv() {
    var csv =
        new StringBuilder(
            "nip,name,position,grade,employee_type,unit_code,superior_nip,email,position_type\n");
    int i = 0;
    for (Person p : people) {
      i++;
      csv.append(
          "%s,Pegawai Uji %d,%s,%s,PNS,%s,%s,pegawai%d@bench.kinerja.local,%s\n"
              .formatted(
                  p.nip(),
                  i,
                  p.head() ? "Kepala " + p.unit() : "Analis Kebijakan Ahli Pertama",
                  p.head()
                      ? (p.level() == 1 ? "IV/c" : p.level() == 2 ? "IV/a" : "III/d")
                      : "III/a",
                  p.unit(),
                  p.superior(),
                  i,
                  p.head() ? "struktural" : "fungsional"));
    }
    return csv.toString();
  }
}
