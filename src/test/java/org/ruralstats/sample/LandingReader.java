package org.ruralstats.sample;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small, independent reader of a landing folder that follows SOURCES.md: decoding, headers,
 * trimming, value rules, row rules, the division dictionary and supersession. The tests use it to
 * recompute figures from the files the generator wrote, so it deliberately shares no code with the
 * generator.
 */
final class LandingReader {

  enum Type {
    YEAR,
    ID,
    STRING,
    HOUSEHOLD,
    VILLAGE,
    YESNO,
    DATE,
    INT,
    AMOUNT,
    ENUM,
    CODE12
  }

  record Col(
      String name,
      String chinese,
      Type type,
      boolean optional,
      Map<String, String> labels,
      long min,
      long max) {}

  record Schema(String source, List<Col> cols, List<String> key) {}

  /** A valid row: file, line and parsed values by canonical name (null = empty). */
  record Row(String file, int line, Map<String, Object> v) {
    Object get(String name) {
      return v.get(name);
    }

    String str(String name) {
      return (String) v.get(name);
    }

    boolean yes(String name) {
      return Boolean.TRUE.equals(v.get(name));
    }

    int integer(String name) {
      return ((Long) v.get(name)).intValue();
    }

    BigDecimal amount(String name) {
      Object o = v.get(name);
      return o == null ? BigDecimal.ZERO : (BigDecimal) o;
    }

    LocalDate date(String name) {
      return (LocalDate) v.get(name);
    }
  }

  /** A rejected row ({@code line} null for a whole file). */
  record Rejected(String source, String file, Integer line, String reason) {}

  private static Col c(String name, String chinese, Type type) {
    return new Col(name, chinese, type, false, null, 0, 0);
  }

  private static Col opt(String name, String chinese, Type type) {
    return new Col(name, chinese, type, true, null, 0, 0);
  }

  private static Col range(String name, String chinese, long min, long max) {
    return new Col(name, chinese, Type.INT, false, null, min, max);
  }

  private static Col en(String name, String chinese, boolean optional, String... codeLabel) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < codeLabel.length; i += 2) {
      m.put(codeLabel[i].toLowerCase(Locale.ROOT), codeLabel[i]);
      if (codeLabel[i + 1] != null) {
        for (String label : codeLabel[i + 1].split("/")) {
          m.put("\0" + label, codeLabel[i]);
        }
      }
    }
    return new Col(name, chinese, Type.ENUM, optional, m, 0, 0);
  }

  static final String[] STAGES = {
    "preschool",
    "学前",
    "primary",
    "小学",
    "junior",
    "初中",
    "senior",
    "高中",
    "vocational",
    "中职",
    "higher",
    "高校"
  };

  static final List<Schema> SCHEMAS =
      List.of(
          new Schema(
              "divisions",
              List.of(
                  c("code", "区划代码", Type.CODE12),
                  c("name", "名称", Type.STRING),
                  en(
                      "level",
                      "级别",
                      false,
                      "county",
                      "县/区/市",
                      "township",
                      "乡/镇/街道/乡镇",
                      "village",
                      "村/社区/居委会"),
                  opt("parent_code", "上级代码", Type.CODE12)),
              List.of("code")),
          new Schema(
              "roster",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("person_id", "身份证号", Type.ID),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  c("is_alleviated", "是否脱贫人口", Type.YESNO),
                  en(
                      "monitor_type",
                      "监测对象类别",
                      true,
                      "unstable_alleviated",
                      "脱贫不稳定户",
                      "marginal",
                      "边缘易致贫户",
                      "sudden_hardship",
                      "突发严重困难户"),
                  opt("identified_date", "纳入监测日期", Type.DATE),
                  opt("risk_eliminated_date", "风险消除日期", Type.DATE)),
              List.of("year", "person_id")),
          new Schema(
              "insurance",
              List.of(
                  c("year", "参保年度", Type.YEAR),
                  c("person_id", "身份证号", Type.ID),
                  c("village_code", "村代码", Type.VILLAGE),
                  c("required", "是否应参保", Type.YESNO),
                  c("enrolled", "是否参保", Type.YESNO),
                  en("insurance_type", "险种", true, "resident", "城乡居民", "employee", "职工"),
                  opt("subsidy_amount", "资助金额", Type.AMOUNT),
                  opt("enroll_date", "参保日期", Type.DATE)),
              List.of("year", "person_id")),
          new Schema(
              "housing",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("rooms", "房屋间数", 0, 99),
                  en("safety_grade", "鉴定等级", true, "A", null, "B", null, "C", null, "D", null),
                  en("task_source", "任务来源", true, "plan", "年度计划", "dynamic", "动态新增"),
                  en(
                      "task_status",
                      "改造状态",
                      true,
                      "not_started",
                      "未开工",
                      "in_progress",
                      "在建",
                      "completed",
                      "已竣工",
                      "accepted",
                      "已验收"),
                  opt("completion_date", "竣工日期", Type.DATE),
                  opt("subsidy_amount", "补助资金", Type.AMOUNT)),
              List.of("year", "household_id")),
          new Schema(
              "water_projects",
              List.of(
                  c("project_id", "项目编号", Type.STRING),
                  c("year", "年度", Type.YEAR),
                  en(
                      "project_type",
                      "项目类型",
                      false,
                      "maintenance",
                      "维修养护",
                      "quality_upgrade",
                      "水质提升",
                      "consolidation",
                      "巩固提升"),
                  en(
                      "status",
                      "建设状态",
                      false,
                      "planned",
                      "计划",
                      "in_progress",
                      "在建",
                      "completed",
                      "完工"),
                  c("investment_wan", "投资(万元)", Type.AMOUNT)),
              List.of("project_id")),
          new Schema(
              "water_project_villages",
              List.of(
                  c("project_id", "项目编号", Type.STRING),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("beneficiaries", "受益人口", 0, Long.MAX_VALUE)),
              List.of("project_id", "village_code")),
          new Schema(
              "water_survey",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("persons", "户人口", 1, 30),
                  c("quantity_ok", "水量达标", Type.YESNO),
                  c("quality_ok", "水质达标", Type.YESNO),
                  c("convenience_ok", "取水方便", Type.YESNO),
                  c("reliability_ok", "供水保证率达标", Type.YESNO)),
              List.of("year", "household_id")),
          new Schema(
              "education_students",
              List.of(
                  c("year", "学年", Type.YEAR),
                  c("student_id", "身份证号", Type.ID),
                  c("village_code", "户籍村代码", Type.VILLAGE),
                  en("stage", "学段", false, STAGES),
                  en(
                      "status",
                      "在校状态",
                      false,
                      "enrolled",
                      "在校",
                      "dropped_out",
                      "辍学",
                      "suspended",
                      "休学")),
              List.of("year", "student_id")),
          new Schema(
              "education_aid",
              List.of(
                  c("payment_id", "发放编号", Type.STRING),
                  c("year", "学年", Type.YEAR),
                  c("student_id", "身份证号", Type.ID),
                  en("stage", "学段", false, STAGES),
                  c("aid_type", "资助项目", Type.STRING),
                  c("amount", "金额", Type.AMOUNT),
                  opt("paid_date", "发放日期", Type.DATE)),
              List.of("payment_id")));

  /** Valid rows after supersession, by source, in key order of first appearance. */
  final Map<String, Map<List<Object>, Row>> valid = new LinkedHashMap<>();

  final List<Rejected> rejected = new ArrayList<>();

  /** Village code → township code, from the dictionary. */
  final Map<String, String> villageTownship = new HashMap<>();

  final Map<String, String> names = new HashMap<>();

  /** Files read per source, in processing order, with their decoded text. */
  final Map<String, String> texts = new LinkedHashMap<>();

  private LandingReader() {}

  static LandingReader read(Path landing) throws IOException {
    LandingReader r = new LandingReader();
    for (Schema s : SCHEMAS) {
      r.readSource(landing, s);
      if (s.source().equals("divisions")) {
        r.checkDictionary();
      }
    }
    return r;
  }

  Iterable<Row> rows(String source) {
    return valid.get(source).values();
  }

  private void readSource(Path landing, Schema schema) throws IOException {
    Map<List<Object>, Row> rows = new LinkedHashMap<>();
    valid.put(schema.source(), rows);
    Path dir = landing.resolve(schema.source());
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
              .toList();
    }
    for (Path f : files) {
      readFile(schema, f, rows);
    }
  }

  static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return strict(StandardCharsets.UTF_8, Arrays.copyOfRange(bytes, 3, bytes.length));
    }
    String s = strict(StandardCharsets.UTF_8, bytes);
    return s != null ? s : strict(Charset.forName("GB18030"), bytes);
  }

  private static String strict(Charset cs, byte[] bytes) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && ws(s.charAt(a))) {
      a++;
    }
    while (b > a && ws(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean ws(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private void readFile(Schema schema, Path path, Map<List<Object>, Row> rows) throws IOException {
    String name = path.getFileName().toString();
    String text = decode(Files.readAllBytes(path));
    if (text == null) {
      rejected.add(new Rejected(schema.source(), name, null, "neither UTF-8 nor GB18030"));
      return;
    }
    texts.put(schema.source() + "/" + name, text);
    int[] lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      int[] map = null;
      int width = 0;
      for (CSVRecord rec : parser) {
        if (map == null) {
          width = rec.size();
          map = headerMap(schema, rec, name);
          if (map == null) {
            return;
          }
          continue;
        }
        int line = lineOf(lineStarts, (int) rec.getCharacterPosition());
        if (rec.size() != width) {
          reject(schema, name, line, rec.size() + " fields, header has " + width);
          continue;
        }
        Map<String, Object> values = new HashMap<>();
        String error = null;
        for (int i = 0; i < schema.cols().size() && error == null; i++) {
          Col col = schema.cols().get(i);
          String raw = map[i] < 0 ? "" : trim(rec.get(map[i]));
          if (raw.isEmpty()) {
            if (!col.optional()) {
              error = col.name() + " is empty";
            }
            values.put(col.name(), null);
            continue;
          }
          try {
            values.put(col.name(), parse(col, raw));
          } catch (IllegalArgumentException e) {
            error = col.name() + ": " + e.getMessage();
          }
        }
        if (error == null) {
          error = rowRule(schema.source(), values);
        }
        if (error != null) {
          reject(schema, name, line, error);
          continue;
        }
        List<Object> key = new ArrayList<>();
        for (String k : schema.key()) {
          key.add(values.get(k));
        }
        rows.put(key, new Row(name, line, values)); // the newest version replaces the older
      }
      if (map == null) {
        rejected.add(new Rejected(schema.source(), name, null, "empty file"));
      }
    }
  }

  private void reject(Schema schema, String file, int line, String reason) {
    rejected.add(new Rejected(schema.source(), file, line, reason));
  }

  private int[] headerMap(Schema schema, CSVRecord header, String file) {
    int[] map = new int[schema.cols().size()];
    Arrays.fill(map, -1);
    for (int i = 0; i < header.size(); i++) {
      String h = trim(header.get(i));
      for (int k = 0; k < schema.cols().size(); k++) {
        Col col = schema.cols().get(k);
        if (col.name().equalsIgnoreCase(h) || col.chinese().equals(h)) {
          if (map[k] >= 0) {
            rejected.add(new Rejected(schema.source(), file, null, "column named twice: " + h));
            return null;
          }
          map[k] = i;
        }
      }
    }
    for (int k = 0; k < map.length; k++) {
      if (map[k] < 0 && !schema.cols().get(k).optional()) {
        rejected.add(
            new Rejected(
                schema.source(), file, null, "missing column " + schema.cols().get(k).name()));
        return null;
      }
    }
    return map;
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[1024];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int lineOf(int[] starts, int pos) {
    int i = Arrays.binarySearch(starts, pos);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
  private static final Pattern ID = Pattern.compile("[0-9]{17}[0-9Xx]");
  private static final Pattern CODE12 = Pattern.compile("[0-9]{12}");
  private static final Pattern D1 = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern D2 = Pattern.compile("([0-9]{4})/([0-9]{2})/([0-9]{2})");
  private static final Pattern D3 = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");

  private Object parse(Col col, String raw) {
    switch (col.type()) {
      case YEAR -> {
        if (!YEAR.matcher(raw).matches()) {
          throw new IllegalArgumentException("not a year: " + raw);
        }
        long y = Long.parseLong(raw);
        if (y < 2000 || y > 2100) {
          throw new IllegalArgumentException("year out of range: " + raw);
        }
        return y;
      }
      case ID -> {
        if (!ID.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an ID: " + raw);
        }
        String id = raw.toUpperCase(Locale.ROOT);
        date(id.substring(6, 10), id.substring(10, 12), id.substring(12, 14));
        if (mod112(id) != id.charAt(17)) {
          throw new IllegalArgumentException("check character: " + raw);
        }
        return id;
      }
      case STRING -> {
        return raw;
      }
      case HOUSEHOLD -> {
        if (raw.length() > 64) {
          throw new IllegalArgumentException("longer than 64");
        }
        return raw;
      }
      case VILLAGE -> {
        if (!villageTownship.containsKey(raw)) {
          throw new IllegalArgumentException("not a village: " + raw);
        }
        return raw;
      }
      case YESNO -> {
        switch (raw.toLowerCase(Locale.ROOT)) {
          case "是", "y", "1", "true" -> {
            return Boolean.TRUE;
          }
          case "否", "n", "0", "false" -> {
            return Boolean.FALSE;
          }
          default -> throw new IllegalArgumentException("not yes/no: " + raw);
        }
      }
      case DATE -> {
        for (Pattern p : List.of(D1, D2, D3)) {
          var m = p.matcher(raw);
          if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
          }
        }
        throw new IllegalArgumentException("not a date: " + raw);
      }
      case INT -> {
        if (!INT.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an integer: " + raw);
        }
        long v = Long.parseLong(raw);
        if (v < col.min() || v > col.max()) {
          throw new IllegalArgumentException("out of range: " + raw);
        }
        return v;
      }
      case AMOUNT -> {
        if (!AMOUNT.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an amount: " + raw);
        }
        return new BigDecimal(raw);
      }
      case ENUM -> {
        String code = col.labels().get("\0" + raw);
        if (code == null) {
          code = col.labels().get(raw.toLowerCase(Locale.ROOT));
        }
        if (code == null) {
          throw new IllegalArgumentException("unknown value: " + raw);
        }
        return code;
      }
      case CODE12 -> {
        if (!CODE12.matcher(raw).matches()) {
          throw new IllegalArgumentException("not a 12-digit code: " + raw);
        }
        return raw;
      }
      default -> throw new IllegalStateException();
    }
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("no such date: " + y + m + d);
    }
  }

  /** ISO 7064 MOD 11-2 over the first 17 digits (written here independently of the generator). */
  static char mod112(String id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  /** Weight of position i is 2^(17-i) mod 11 (computed here, not copied from the generator). */
  private static final int[] WEIGHTS = new int[17];

  static {
    for (int i = 0; i < 17; i++) {
      int w = 1;
      for (int k = 0; k < 17 - i; k++) {
        w = (w * 2) % 11;
      }
      WEIGHTS[i] = w;
    }
  }

  private static String rowRule(String source, Map<String, Object> v) {
    switch (source) {
      case "roster" -> {
        if (v.get("monitor_type") != null && v.get("identified_date") == null) {
          return "monitor_type without identified_date";
        }
        LocalDate id = (LocalDate) v.get("identified_date");
        LocalDate el = (LocalDate) v.get("risk_eliminated_date");
        if (id != null && el != null && el.isBefore(id)) {
          return "risk_eliminated_date before identified_date";
        }
      }
      case "housing" -> {
        if (v.get("task_source") != null && v.get("task_status") == null) {
          return "task_source without task_status";
        }
      }
      case "education_aid" -> {
        if (((BigDecimal) v.get("amount")).signum() <= 0) {
          return "amount not > 0";
        }
      }
      default -> {}
    }
    return null;
  }

  /** Applies the dictionary's structural rules and builds village → township. */
  private void checkDictionary() {
    Map<List<Object>, Row> rows = valid.get("divisions");
    String county = null;
    Set<String> townships = new HashSet<>();
    List<List<Object>> drop = new ArrayList<>();
    for (Map.Entry<List<Object>, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      if (r.str("level").equals("county")) {
        if (county != null || r.get("parent_code") != null) {
          drop.add(e.getKey());
          rejected.add(new Rejected("divisions", r.file(), r.line(), "second county"));
        } else {
          county = r.str("code");
        }
      }
    }
    for (Map.Entry<List<Object>, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      if (r.str("level").equals("township")) {
        if (county == null || !county.equals(r.get("parent_code"))) {
          drop.add(e.getKey());
          rejected.add(new Rejected("divisions", r.file(), r.line(), "bad parent"));
        } else {
          townships.add(r.str("code"));
        }
      }
    }
    for (Map.Entry<List<Object>, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      if (r.str("level").equals("village")) {
        if (!townships.contains(r.str("parent_code"))) {
          drop.add(e.getKey());
          rejected.add(new Rejected("divisions", r.file(), r.line(), "bad parent"));
        } else {
          villageTownship.put(r.str("code"), r.str("parent_code"));
        }
      }
    }
    drop.forEach(rows::remove);
    for (Row r : rows.values()) {
      names.put(r.str("code"), r.str("name"));
    }
  }
}
