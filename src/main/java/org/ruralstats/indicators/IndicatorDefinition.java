package org.ruralstats.indicators;

/**
 * One published indicator as declared in the catalogue.
 *
 * @param code the published code, e.g. {@code INS_COVERAGE}
 * @param fact the name of the {@link FactView} the expressions are evaluated over
 * @param kind count, amount or rate
 * @param unit the unit of the value: 人, 户, 间, 处, 人次, 元, 万元 or % (rates)
 * @param nameZh the Chinese name, e.g. 参保率
 * @param nameEn the English name
 * @param description one sentence saying what is counted or summed
 * @param numerator a Spark SQL aggregate expression over the fact's columns; for a rate, the codes
 *     of count indicators of its fact joined by + or - ({@link RateFormula}), computed from their
 *     aggregates ({@link IndicatorCatalogue#numeratorSql})
 * @param denominator for a rate, the count indicators it is divided by, written as its numerator;
 *     null otherwise
 * @param headline the indicator's place among the headline figures of the summary and the report (1
 *     first), or null when it is not a headline
 * @param target the level the indicator should reach, for the report's attention list, or null
 */
public record IndicatorDefinition(
    String code,
    String fact,
    IndicatorKind kind,
    String unit,
    String nameZh,
    String nameEn,
    String description,
    String numerator,
    String denominator,
    Integer headline,
    IndicatorTarget target) {

  /** An indicator that is neither a headline nor has a target. */
  public IndicatorDefinition(
      String code,
      String fact,
      IndicatorKind kind,
      String unit,
      String nameZh,
      String nameEn,
      String description,
      String numerator,
      String denominator) {
    this(code, fact, kind, unit, nameZh, nameEn, description, numerator, denominator, null, null);
  }
}
