package org.ruralstats.sample;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.ruralstats.sample.CsvSink.Column;
import org.ruralstats.sample.Geography.Village;

/**
 * Turns the planned sample into the CSV files of the nine sources, each file with its own encoding,
 * header style, column order and value spellings, and with the bad rows placed in them. This base
 * class runs the tasks ({@link #tasks}) and holds what the generators of the sources share: the
 * planned sample, the task's random stream, the files written so far and the helpers that build
 * them. One subclass per source or family of sources: {@link DivisionFiles}, {@link RosterFiles},
 * {@link InsuranceFiles}, {@link HousingFiles}, {@link WaterFiles}, {@link EducationFiles}.
 */
abstract class SourceFiles {

  static final String CRLF = "\r\n";
  static final String LF = "\n";

  /** The planned sample the generators read. */
  record Plans(Population pop, HousingPlan housing, WaterPlan water, EducationPlan edu) {}

  final Population pop;
  final HousingPlan housing;
  final WaterPlan water;
  final EducationPlan edu;
  final SplittableRandom r;
  final List<CsvSink> sinks = new ArrayList<>();

  SourceFiles(Plans plans, SplittableRandom r) {
    this.pop = plans.pop();
    this.housing = plans.housing();
    this.water = plans.water();
    this.edu = plans.edu();
    this.r = r;
  }

  /**
   * One task per group of files, each with its own random stream derived from the seed and the
   * task's name, so that the tasks may run in any order or in parallel and still give the same
   * bytes. Each task returns its files in a fixed order.
   */
  static List<Callable<List<CsvSink>>> tasks(
      Population pop, HousingPlan housing, WaterPlan water, EducationPlan edu, long seed) {
    Plans plans = new Plans(pop, housing, water, edu);
    Map<String, Body> bodies = new LinkedHashMap<>();
    bodies.put("divisions", body(DivisionFiles::new, DivisionFiles::divisions));
    bodies.put("roster 2023", body(RosterFiles::new, RosterFiles::roster2023));
    bodies.put("roster 2024", body(RosterFiles::new, RosterFiles::roster2024));
    bodies.put("insurance 2023", body(InsuranceFiles::new, InsuranceFiles::insurance2023));
    bodies.put("insurance 2024", body(InsuranceFiles::new, InsuranceFiles::insurance2024));
    bodies.put("housing", body(HousingFiles::new, HousingFiles::housing));
    bodies.put("water projects", body(WaterFiles::new, WaterFiles::waterProjects));
    bodies.put("water project villages", body(WaterFiles::new, WaterFiles::waterVillages));
    bodies.put("water survey", body(WaterFiles::new, WaterFiles::waterSurvey));
    bodies.put("education students", body(EducationFiles::new, EducationFiles::students));
    bodies.put("education aid", body(EducationFiles::new, EducationFiles::aid));
    List<Callable<List<CsvSink>>> tasks = new ArrayList<>();
    for (Map.Entry<String, Body> e : bodies.entrySet()) {
      long taskSeed = seed * 0x9E3779B97F4A7C15L + e.getKey().hashCode();
      tasks.add(() -> e.getValue().write(plans, new SplittableRandom(taskSeed)));
    }
    return tasks;
  }

  /** A task's body: writes the task's files with a new generator and returns them in order. */
  private interface Body {
    List<CsvSink> write(Plans plans, SplittableRandom r);
  }

  private static <F extends SourceFiles> Body body(
      BiFunction<Plans, SplittableRandom, F> generator, Consumer<F> files) {
    return (plans, r) -> {
      F f = generator.apply(plans, r);
      files.accept(f);
      return f.sinks;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  CsvSink sink(String source, String name, Charset cs, boolean bom, String eol, List<Column> cols) {
    CsvSink s = new CsvSink(source, name, cs, bom, eol, cols);
    sinks.add(s);
    return s;
  }

  /** Columns: header texts by canonical field, output order; -1 = the extra column 备注. */
  static List<Column> cols(String[] headers, int... order) {
    List<Column> out = new ArrayList<>();
    for (int f : order) {
      out.add(new Column(f < 0 ? "备注" : headers[f], f));
    }
    return out;
  }

  /** Rows to insert before the data row with a given index (or after the last). */
  static final class Inserts {
    private final TreeMap<Integer, List<Runnable>> at = new TreeMap<>();

    void at(int index, Runnable row) {
      at.computeIfAbsent(index, k -> new ArrayList<>()).add(row);
    }

    void before(int index) {
      List<Runnable> list = at.remove(index);
      if (list != null) {
        list.forEach(Runnable::run);
      }
    }

    void rest() {
      while (!at.isEmpty()) {
        at.pollFirstEntry().getValue().forEach(Runnable::run);
      }
    }
  }

  /** The {@code i}-th village of the township that plays Xing County's {@code townshipCode}. */
  Village village(String townshipCode, int i) {
    List<Village> vs = pop.geo.villagesOf(townshipCode);
    return vs.get(i % vs.size());
  }

  String fakeHousehold(Village v, int n) {
    return "HH" + v.code + (9000 + n);
  }

  String enumOf(String[][] table, String code, double labelShare) {
    if (code == null) {
      return null;
    }
    for (String[] e : table) {
      if (e[0].equals(code)) {
        return Spell.label(e[0], e[1], labelShare, r);
      }
    }
    throw new IllegalArgumentException(code);
  }
}
