package org.ruralstats.report;

/**
 * An area of the report.
 *
 * @param code the 12-digit statistical code
 * @param name the Chinese name (the code when no name is known)
 * @param level province, city, county, township or village
 */
public record Area(String code, String name, String level) {

  /** The report's word for "the whole area" in running text: 全县, 全镇, 全乡, 全市, 全省. */
  public String scope() {
    return switch (level) {
      case "province" -> "全省";
      case "city" -> "全市";
      case "county" -> "全县";
      case "township" -> name.endsWith("乡") ? "全乡" : "全镇";
      default -> "全村";
    };
  }

  /** The Chinese word for the level: 省, 市, 县, 乡镇, 村. */
  public static String levelZh(String level) {
    return switch (level == null ? "" : level) {
      case "province" -> "省";
      case "city" -> "市";
      case "county" -> "县";
      case "township" -> "乡镇";
      case "village" -> "村";
      default -> level;
    };
  }
}
