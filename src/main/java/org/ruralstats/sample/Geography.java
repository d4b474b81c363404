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
 * codes stay the same from one sample to the next.
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

  final List<Township> townships = new ArrayList<>();
  final List<Village> villages = new ArrayList<>();
  final Village shijiashan;
  final Township luoyukou;

  private Geography() {
    SplittableRandom r = new SplittableRandom(0x141123L);
    Set<String> used = new LinkedHashSet<>();
    for (String[] f : FIXED_NAMES) {
      for (int i = 1; i < f.length; i++) {
        used.add(f[i]);
      }
    }
    Village sjs = null;
    for (String[] t : TOWNSHIPS) {
      Township tw = new Township(t[0], t[1], Integer.parseInt(t[3]), Double.parseDouble(t[4]));
      int count = Integer.parseInt(t[2]);
      List<String> names = new ArrayList<>();
      for (String[] f : FIXED_NAMES) {
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
        if (v.name.equals(SHIJIASHAN_NAME)) {
          sjs = v;
        }
        number += r.nextInt(4) == 0 ? 2 : 1;
      }
      assignPopulation(tw, r);
      townships.add(tw);
    }
    this.shijiashan = sjs;
    this.luoyukou = townships.stream().filter(t -> t.code.equals(LUOYUKOU_CODE)).findFirst().get();
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
  private static void assignPopulation(Township tw, SplittableRandom r) {
    int fixed = 0;
    List<Village> free = new ArrayList<>();
    for (Village v : tw.villages) {
      if (v.name.equals(SHIJIASHAN_NAME)) {
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

  List<Village> villagesOf(String townshipCode) {
    for (Township t : townships) {
      if (t.code.equals(townshipCode)) {
        return Collections.unmodifiableList(t.villages);
      }
    }
    throw new IllegalArgumentException(townshipCode);
  }
}
