package org.ruralstats.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.indicators.IndicatorCatalogue;

/**
 * What one report shows, read from the published tables: the report's area and year, the areas one
 * level down, and every figure of these areas for every computed year. Only these rows reach the
 * driver (areas one level down × indicators × years), never the whole table.
 *
 * @param area the report's area
 * @param year the report's year
 * @param years every year computed for the area, ascending
 * @param children the areas one level down, by code
 * @param figures every figure of the area and its children, by {@link #key}
 * @param catalogue the indicator catalogue (names, units, headlines, targets)
 * @param quality the data-quality panel's figures
 */
public record ReportData(
    Area area,
    int year,
    List<Integer> years,
    List<Area> children,
    Map<String, Figure> figures,
    IndicatorCatalogue catalogue,
    QualityPanel.Data quality) {

  /** The key of a figure in {@link #figures}. */
  public static String key(String indicator, String area, int year) {
    return indicator + "|" + area + "|" + year;
  }

  /** The figure of an indicator, area and year, or null. */
  public Figure figure(String indicator, String areaCode, int y) {
    return figures.get(key(indicator, areaCode, y));
  }

  /**
   * Reads what the report of {@code areaCode} (null: the top area) for {@code year} (null: the
   * latest) shows.
   *
   * @throws IllegalArgumentException saying what to pass when the area or year is not published
   */
  public static ReportData load(
      PublishedTables tables, IndicatorCatalogue catalogue, String areaCode, Integer year) {
    tables.requireIndicators();
    Dataset<Row> indicators = tables.indicators();
    Area area = findArea(tables, indicators, areaCode);
    List<Integer> years =
        indicators
            .filter(col("area_code").equalTo(area.code()))
            .select("year")
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0))
            .sorted()
            .toList();
    int y = year == null ? years.get(years.size() - 1) : year;
    if (!years.contains(y)) {
      throw new IllegalArgumentException(
          "the indicator table has no figures of "
              + area.name()
              + " ("
              + area.code()
              + ") for "
              + y
              + "; pass --year with one of "
              + years);
    }
    String childLevel = AreaCodes.below(area.level());
    String prefix = AreaCodes.prefix(area.code(), area.level());
    Column isChild =
        childLevel == null
            ? org.apache.spark.sql.functions.lit(false)
            : col("area_level").equalTo(childLevel).and(col("area_code").startsWith(prefix));
    List<Figure> rows =
        indicators
            .filter(col("area_code").equalTo(area.code()).or(isChild))
            .select(
                Figure.COLUMNS[0],
                java.util.Arrays.copyOfRange(Figure.COLUMNS, 1, Figure.COLUMNS.length))
            .collectAsList()
            .stream()
            .map(Figure::of)
            .toList();
    Map<String, Figure> figures = new HashMap<>();
    TreeSet<String> childCodes = new TreeSet<>();
    for (Figure f : rows) {
      figures.put(key(f.indicator(), f.area(), f.year()), f);
      if (!f.area().equals(area.code())) {
        childCodes.add(f.area());
      }
    }
    Map<String, String> names = names(tables, new ArrayList<>(childCodes));
    List<Area> children =
        childCodes.stream()
            .map(c -> new Area(c, names.getOrDefault(c, c), childLevel))
            .sorted(Comparator.comparing(Area::code))
            .toList();
    return new ReportData(area, y, years, children, figures, catalogue, QualityPanel.load(tables));
  }

  private static Area findArea(PublishedTables tables, Dataset<Row> indicators, String code) {
    List<Row> levels =
        indicators
            .groupBy("area_level")
            .agg(max("area_code"), org.apache.spark.sql.functions.countDistinct("area_code"))
            .collectAsList();
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(
          "the indicator table of "
              + tables.warehouse().root()
              + " is empty (no valid rows were loaded); check the landing folder and rerun"
              + " jobs/nightly.sh");
    }
    String level;
    if (code == null) {
      List<String> top = org.ruralstats.indicators.TopAreas.of(indicators);
      if (top.size() != 1) {
        throw new IllegalArgumentException(
            "the warehouse has "
                + top.size()
                + " areas at its top level and no area holding them all; pass --area with one of "
                + top);
      }
      code = top.get(0);
    }
    List<Row> found =
        indicators
            .filter(col("area_code").equalTo(code))
            .select("area_level")
            .limit(1)
            .collectAsList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "the area "
              + code
              + " is not in the indicator table of "
              + tables.warehouse().root()
              + "; pass --area with a 12-digit area code of the table (levels present: "
              + levels.stream().map(r -> r.getString(0)).collect(Collectors.joining(", "))
              + ")");
    }
    level = found.get(0).getString(0);
    String name = names(tables, List.of(code)).getOrDefault(code, code);
    return new Area(code, name, level);
  }

  /** Names of areas: the division dictionary, then the data file of city/province names. */
  static Map<String, String> names(PublishedTables tables, List<String> codes) {
    Map<String, String> names = new HashMap<>();
    if (!codes.isEmpty()) {
      for (Row r :
          tables
              .divisions()
              .filter(col("code").isin(codes.toArray()))
              .select("code", "name")
              .collectAsList()) {
        if (r.getString(1) != null && !r.getString(1).isBlank()) {
          names.put(r.getString(0), r.getString(1));
        }
      }
    }
    for (String c : codes) {
      if (!names.containsKey(c) && AreaCodes.knownName(c) != null) {
        names.put(c, AreaCodes.knownName(c));
      }
    }
    return names;
  }
}
