package org.ruralstats.indicators;

/**
 * A group's fact view: Spark SQL over the clean tables (and the catalogue's shared views) giving
 * one row per (fact row × area it belongs to), with at least the columns {@code area_code} and
 * {@code year}. All indicators of the group are aggregates over it.
 *
 * @param name the name indicators refer to in their {@code fact} field
 * @param titleZh the group's Chinese title
 * @param titleEn the group's English title
 * @param drivingSource the clean table whose years the group is computed for
 * @param description what one row of the view is
 * @param sql the query
 */
public record FactView(
    String name,
    String titleZh,
    String titleEn,
    String drivingSource,
    String description,
    String sql) {}
