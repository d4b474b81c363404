package org.ruralstats.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The counties of a multi-county sample, all under 吕梁市 (1411) in 山西省 (14): Xing County first, then
 * Lüliang's other real county-level divisions, then invented codes 141131–141177 with invented
 * names. Only Xing County's townships and villages follow the county report; the others' are
 * invented.
 */
final class SampleCounties {

  /** The most counties a sample can hold. */
  static final int MAX = 60;

  /**
   * A county of the sample.
   *
   * @param code 12-digit county code
   * @param name the county's name
   * @param formerArea former area code (1423xx) carried by some older residents' IDs
   */
  record County(String code, String name, String formerArea) {

    /** The 6-digit area code. */
    String area() {
      return code.substring(0, 6);
    }
  }

  private static final String[][] REAL = {
    {"141102", "离石区"},
    {"141121", "文水县"},
    {"141122", "交城县"},
    {"141124", "临县"},
    {"141125", "柳林县"},
    {"141126", "石楼县"},
    {"141127", "岚县"},
    {"141128", "方山县"},
    {"141129", "中阳县"},
    {"141130", "交口县"},
    {"141181", "孝义市"},
    {"141182", "汾阳市"},
  };

  private static final String[] FIRST = {"东", "西", "南", "北", "上", "下", "新", "古"};
  private static final String[] SECOND = {"川", "原", "河", "峰", "岭", "泉"};

  private SampleCounties() {}

  /** The first {@code n} counties (1 ≤ n ≤ {@link #MAX}); the first is Xing County. */
  static List<County> first(int n) {
    if (n < 1 || n > MAX) {
      throw new IllegalArgumentException("the sample holds 1 to " + MAX + " counties, not " + n);
    }
    List<County> all = new ArrayList<>();
    all.add(new County(Geography.COUNTY_CODE, Geography.COUNTY_NAME, "142325"));
    for (String[] c : REAL) {
      all.add(county(c[0], c[1], all.size()));
    }
    for (int code = 141131; all.size() < MAX; code++) {
      int k = code - 141131;
      String name = FIRST[k / SECOND.length] + SECOND[k % SECOND.length] + "县";
      all.add(county(String.valueOf(code), name, all.size()));
    }
    return List.copyOf(all.subList(0, n));
  }

  private static County county(String area, String name, int position) {
    return new County(area + "000000", name, "1423" + (40 + position));
  }
}
