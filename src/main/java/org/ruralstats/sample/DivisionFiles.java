package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Township;
import org.ruralstats.sample.Geography.Village;

/** Writes the divisions dictionary: the county, its townships and villages, and two bad rows. */
final class DivisionFiles extends SourceFiles {

  // Canonical names, in canonical field order (SOURCES.md).
  static final String[] DIV = {"code", "name", "level", "parent_code"};

  DivisionFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
  }

  void divisions() {
    CsvSink s = sink("divisions", "2023-12-31.csv", UTF_8, true, LF, cols(DIV, 0, 1, 2, 3));
    Geography geo = pop.geo;
    s.row(new String[] {geo.countyCode, geo.countyName, "县", ""}, null);
    for (Township t : pop.geo.townships) {
      double k = r.nextDouble();
      String level =
          k < 0.6 ? (t.isZhen() ? "镇" : "乡") : k < 0.7 ? "乡镇" : Spell.oddCase("township", r);
      s.row(new String[] {t.code, t.name, level, geo.countyCode}, null);
      for (Village v : t.villages) {
        String vl = r.nextDouble() < 0.7 ? "村" : Spell.oddCase("village", r);
        s.row(new String[] {v.code, v.name, vl, t.code}, null);
      }
    }
    s.bad(
        "parent_code " + geo.areaCode + "211000 is not in the dictionary",
        new String[] {geo.areaCode + "211201", "石家沟村", "村", geo.areaCode + "211000"},
        null);
    s.bad(
        geo.countyCode.equals(Geography.COUNTY_CODE)
            ? "a second county row (the dictionary describes exactly one county)"
            : "a second county row, naming "
                + geo.strayCounty[0]
                + " "
                + geo.strayCounty[1]
                + ", not this folder's county",
        new String[] {geo.strayCounty[0], geo.strayCounty[1], "县", ""},
        null);
  }
}
