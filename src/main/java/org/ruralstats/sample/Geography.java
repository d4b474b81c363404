package org.ruralstats.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fixed geography of the Xing County sample: the county, its 15 townships (2023 statistical
 * codes) and about 240 villages with made-up but plausible names and codes in the village block
 * 200–399 of their township. The geography does not depend on the generator's seed, so village
 * codes stay the same from one sample to the next. {@link #synthetic} builds a county of the same
 * shape with its own codes and invented names for the multi-county sample.
 */
final class Geography {

  static final String COUNTY_CODE = "141123000000";
  static final String COUNTY_NAME = "兴县";
  static final String AREA_CODE = "141123";
  static final String LUOYUKOU_CODE = "141123105000";
  static final String XIGUAN_CODE = "141123100201";
  static final String SHIJIASHAN_NAME = "史家山村";

  /** Persons (before births and moves) of 史家山村: the report's 191 people in 60 households. */
  static final int SHIJIASHAN_PERSONS = 191;

  static final int SHIJIASHAN_HOUSEHOLDS = 60;

  /** A township: code, name, number of villages, base population, share of poor households. */
  static final class Township {
    final String code;
    final String name;
    final int basePersons;
    final double povertyRate;
    final List<Village> villages = new ArrayList<>();

    Township(String code, String name, int basePersons, double povertyRate) {
      this.code = code;
      this.name = name;
      this.basePersons = basePersons;
      this.povertyRate = povertyRate;
    }

    boolean isZhen() {
      return name.endsWith("镇");
    }
  }

  /** A village (administrative village, 行政村). */
  static final class Village {
    final String code;
    final String name;
    final Township township;
    final int index;
    int basePersons;

    Village(String code, String name, Township township, int index) {
      this.code = code;
      this.name = name;
      this.township = township;
      this.index = index;
    }
  }

  private static final String[][] TOWNSHIPS = {
    // code, name, villages, base persons, poverty rate (share of households alleviated)
    {"141123100000", "蔚汾镇", "25", "46400", "0.24"},
    {"141123101000", "魏家滩镇", "20", "18000", "0.33"},
    {"141123102000", "瓦塘镇", "18", "15000", "0.34"},
    {"141123103000", "康宁镇", "16", "14000", "0.34"},
    {"141123104000", "高家村镇", "22", "17000", "0.36"},
    {"141123105000", "罗峪口镇", "10", "4400", "0.36"},
    {"141123106000", "蔡家会镇", "20", "17500", "0.36"},
    {"141123200000", "交楼申乡", "14", "11000", "0.38"},
    {"141123202000", "东会乡", "16", "12500", "0.40"},
    {"141123203000", "固贤乡", "18", "14500", "0.38"},
    {"141123204000", "奥家湾乡", "12", "9500", "0.40"},
    {"141123205000", "蔡家崖乡", "15", "12000", "0.37"},
    {"141123207000", "孟家坪乡", "12", "10000", "0.40"},
    {"141123208000", "赵家坪乡", "10", "8500", "0.41"},
    {"141123209000", "圪垯上乡", "8", "6200", "0.42"},
  };

  /** Names given explicitly (the first ones of their township, in this order). */
  private static final String[][] FIXED_NAMES = {
    {"141123100000", "西关村", "东关村", "北关村", "城内村"},
    {"141123101000", "魏家滩村"},
    {"141123102000", "瓦塘村"},
    {"141123103000", "康宁村"},
    {"141123104000", "高家村"},
    {"141123105000", "罗峪口村", "史家山村", "高家塔村", "黄家坪村", "杨家坡村", "碾则坪村", "王家湾村", "刘家庄村", "白家沟村", "枣林村"},
    {"141123106000", "蔡家会村", "沙庄村", "狮子洼村"},
    {"141123200000", "交楼申村"},
    {"141123202000", "东会村"},
    {"141123203000", "固贤村"},
    {"141123204000", "奥家湾村"},
    {"141123205000", "蔡家崖村"},
    {"141123207000", "孟家坪村"},
    {"141123208000", "赵家坪村"},
    {"141123209000", "圪垯上村"},
  };

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "高", "白", "贺", "孙", "任", "杨", "郭", "乔", "康", "冯", "马", "牛", "薛", "曹",
    "温", "石", "苗", "闫", "韩", "赵", "孟", "魏", "范", "吕", "田", "侯", "胡", "段", "宋", "武", "郝", "贾",
    "柳", "雷", "程", "崔", "邢", "訾", "秦", "陈", "樊", "燕", "宁", "申", "霍", "郑"
  };
  private static final String[] SUFFIXES = {
    "沟", "塔", "湾", "峁", "坪", "庄", "岔", "山", "圪台", "梁", "寨", "崖", "洼", "坡", "峪", "堡", "墕", "窑", "渠",
    "咀"
  };
  private static final String[] PLACES = {
    "东坡", "西坡", "南沟", "北沟", "石门", "石窑", "红崖", "碾则", "柳林", "桃园", "杏树", "槐树", "庙梁", "寨上",
    "阳坡", "前沟", "后沟", "上庄", "下庄", "中庄", "新庄", "古城", "沙坪", "沙梁", "黑茶", "白草", "水磨", "马圈",
    "磁窑", "花园", "大峪", "小峪", "圪针", "盘塘", "石岭", "南坪", "北坡", "车家庄", "关家崖", "碧村", "窑儿上", "圪洞"
  };

  /** The county's 12-digit code, its name and its 6-digit area code (the prefix of its codes). */
  final String countyCode;

  final String countyName;
  final String areaCode;

  /**
   * Area codes of the residents' ID numbers, weighted as in {@link Population}: the county's own, a
   * former code (only for persons born before 2001) and three codes of other places.
   */
  final String[] idAreas;

  /** {code, name} of another county, named by the dictionary's bad second county row. */
  final String[] strayCounty;

  final List<Township> townships = new ArrayList<>();
  final List<Village> villages = new ArrayList<>();
  final Village shijiashan;
  final Township luoyukou;

  /** Xing County, as it always was. */
  private Geography() {
    this(
        COUNTY_CODE,
        COUNTY_NAME,
        new String[] {AREA_CODE, "142325", "141124", "141127", "150602"},
        new String[] {"141124000000", "临县"},
        TOWNSHIPS,
        FIXED_NAMES,
        new SplittableRandom(0x141123L));
    if (!shijiashan.name.equals(SHIJIASHAN_NAME) || !luoyukou.code.equals(LUOYUKOU_CODE)) {
      throw new IllegalStateException("Xing County's special township and village moved");
    }
  }

  /**
   * Builds a county from its townships ({code, name, villages, base persons, poverty rate}) and the
   * village names given explicitly per township; the other names and the small gaps between village
   * numbers are drawn from {@code r}. The township at index 5 is the one that plays 罗峪口镇 (10
   * villages), its second village plays 史家山村.
   */
  private Geography(
      String countyCode,
      String countyName,
      String[] idAreas,
      String[] strayCounty,
      String[][] townshipRows,
      String[][] fixedNames,
      SplittableRandom r) {
    this.countyCode = countyCode;
    this.countyName = countyName;
    this.areaCode = countyCode.substring(0, 6);
    this.idAreas = idAreas.clone();
    this.strayCounty = strayCounty.clone();
    Set<String> used = new LinkedHashSet<>();
    for (String[] f : fixedNames) {
      for (int i = 1; i < f.length; i++) {
        used.add(f[i]);
      }
    }
    for (String[] t : townshipRows) {
      Township tw = new Township(t[0], t[1], Integer.parseInt(t[3]), Double.parseDouble(t[4]));
      int count = Integer.parseInt(t[2]);
      List<String> names = new ArrayList<>();
      for (String[] f : fixedNames) {
        if (f[0].equals(tw.code)) {
          for (int i = 1; i < f.length; i++) {
            names.add(f[i]);
          }
        }
      }
      while (names.size() < count) {
        String name = inventName(r);
        if (used.add(name)) {
          names.add(name);
        }
      }
      int number = 201;
      for (int i = 0; i < count; i++) {
        String code = tw.code.substring(0, 9) + number;
        Village v = new Village(code, names.get(i), tw, villages.size());
        tw.villages.add(v);
        villages.add(v);
        number += r.nextInt(4) == 0 ? 2 : 1;
      }
      assignPopulation(tw, townships.size() == SPECIAL_TOWNSHIP ? tw.villages.get(1) : null, r);
      townships.add(tw);
    }
    this.luoyukou = townships.get(SPECIAL_TOWNSHIP);
    this.shijiashan = luoyukou.villages.get(1);
  }

  /** Index of the township that plays 罗峪口镇 (its second village plays 史家山村). */
  private static final int SPECIAL_TOWNSHIP = 5;

  /**
   * A synthetic county of the same size and shape as Xing County (15 townships, 7 towns and 8
   * townships, the same numbers of villages and residents), with its own codes and invented names,
   * all drawn from its code.
   *
   * @param countyCode the 12-digit county code
   * @param countyName the county's name
   * @param formerArea the 6-digit former area code some older residents' IDs carry
   * @param strayCounty {code, name} of the other county the dictionary's bad row names
   */
  static Geography synthetic(
      String countyCode, String countyName, String formerArea, String[] strayCounty) {
    String area = countyCode.substring(0, 6);
    SplittableRandom r = new SplittableRandom(Long.parseLong(area, 16));
    int[] zhen = pick(r, 100, 9, 7);
    int[] xiang = pick(r, 200, 10, 8);
    String[][] rows = new String[TOWNSHIPS.length][];
    String[][] fixed = new String[TOWNSHIPS.length][];
    Set<String> seats = new LinkedHashSet<>();
    for (int i = 0; i < TOWNSHIPS.length; i++) {
      boolean isZhen = TOWNSHIPS[i][1].endsWith("镇");
      String seat;
      do {
        seat = inventName(r);
        seat = seat.substring(0, seat.length() - 1);
      } while (!seats.add(seat));
      String code = area + (isZhen ? zhen[i] : xiang[i - zhen.length]) + "000";
      rows[i] =
          new String[] {
            code, seat + (isZhen ? "镇" : "乡"), TOWNSHIPS[i][2], TOWNSHIPS[i][3], TOWNSHIPS[i][4]
          };
      fixed[i] = new String[] {code, seat + "村"};
    }
    String[] idAreas = {area, formerArea, "140123", "610829", "150602"};
    return new Geography(countyCode, countyName, idAreas, strayCounty, rows, fixed, r);
  }

  /** {@code k} numbers of {@code from .. from+n-1}, ascending, chosen at random. */
  private static int[] pick(SplittableRandom r, int from, int n, int k) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(from + i);
    }
    while (all.size() > k) {
      all.remove(r.nextInt(all.size()));
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The township of this county that plays the part Xing County's township {@code xingCode} plays
   * (the one at the same position).
   */
  Township township(String xingCode) {
    for (int i = 0; i < TOWNSHIPS.length; i++) {
      if (TOWNSHIPS[i][0].equals(xingCode)) {
        return townships.get(i);
      }
    }
    throw new IllegalArgumentException(xingCode);
  }

  private static String inventName(SplittableRandom r) {
    if (r.nextInt(10) < 7) {
      return SURNAMES[r.nextInt(SURNAMES.length)]
          + "家"
          + SUFFIXES[r.nextInt(SUFFIXES.length)]
          + "村";
    }
    String p = PLACES[r.nextInt(PLACES.length)];
    return (r.nextBoolean() ? p : p + SUFFIXES[r.nextInt(SUFFIXES.length)]) + "村";
  }

  /** Spreads the township's base population over its villages (the first village is larger). */
  private static void assignPopulation(Township tw, Village special, SplittableRandom r) {
    int fixed = 0;
    List<Village> free = new ArrayList<>();
    for (Village v : tw.villages) {
      if (v == special) {
        v.basePersons = SHIJIASHAN_PERSONS;
        fixed += v.basePersons;
      } else {
        free.add(v);
      }
    }
    double[] w = new double[free.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = StrictMath.exp(0.45 * gaussian(r)) * (i == 0 ? 1.8 : 1.0);
      sum += w[i];
    }
    int total = tw.basePersons - fixed;
    int given = 0;
    for (int i = 0; i < w.length; i++) {
      int p = (int) Math.floor(total * w[i] / sum);
      free.get(i).basePersons = p;
      given += p;
    }
    for (int i = 0; given < total; i = (i + 1) % w.length) {
      free.get(i).basePersons++;
      given++;
    }
  }

  static double gaussian(SplittableRandom r) {
    // Box–Muller with StrictMath, so the result is the same on every JVM and platform.
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  private static final Geography INSTANCE = new Geography();

  static Geography get() {
    return INSTANCE;
  }

  /** The villages of the township that plays Xing County's township {@code xingCode}. */
  List<Village> villagesOf(String xingCode) {
    return Collections.unmodifiableList(township(xingCode).villages);
  }
}
