package org.ruralstats.sample;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ruralstats.sample.LandingSchemas.Col;
import org.ruralstats.sample.LandingSchemas.Schema;

/**
 * A small, independent reader of a landing folder that follows SOURCES.md: decoding, headers,
 * trimming, value rules, row rules, the division dictionary and supersession. The tests use it to
 * recompute figures from the files the generator wrote, so it deliberately shares no code with the
 * generator.
 *
 * <p>This class reads the files (header, rows, rejections, supersession, the dictionary's rules);
 * the sources' schemas are in {@link LandingSchemas}, the text handling in {@link LandingCsv}, the
 * value and row rules in {@link LandingValues}.
 */
final class LandingReader {

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
    for (Schema s : LandingSchemas.SCHEMAS) {
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

  private void readFile(Schema schema, Path path, Map<List<Object>, Row> rows) throws IOException {
    String name = path.getFileName().toString();
    String text = LandingCsv.decode(Files.readAllBytes(path));
    if (text == null) {
      rejected.add(new Rejected(schema.source(), name, null, "neither UTF-8 nor GB18030"));
      return;
    }
    texts.put(schema.source() + "/" + name, text);
    int[] lineStarts = LandingCsv.lineStarts(text);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), LandingCsv.FORMAT)) {
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
        int line = LandingCsv.lineOf(lineStarts, (int) rec.getCharacterPosition());
        if (rec.size() != width) {
          reject(schema, name, line, rec.size() + " fields, header has " + width);
          continue;
        }
        Map<String, Object> values = new HashMap<>();
        String error = null;
        for (int i = 0; i < schema.cols().size() && error == null; i++) {
          Col col = schema.cols().get(i);
          String raw = map[i] < 0 ? "" : LandingCsv.trim(rec.get(map[i]));
          if (raw.isEmpty()) {
            if (!col.optional()) {
              error = col.name() + " is empty";
            }
            values.put(col.name(), null);
            continue;
          }
          try {
            values.put(col.name(), LandingValues.parse(col, raw, villageTownship.keySet()));
          } catch (IllegalArgumentException e) {
            error = col.name() + ": " + e.getMessage();
          }
        }
        if (error == null) {
          error = LandingValues.rowRule(schema.source(), values);
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
      String h = LandingCsv.trim(header.get(i));
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
