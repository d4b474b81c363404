package org.ruralstats.indicators;

import java.util.List;

/**
 * A group's fact view: Spark SQL over the clean tables (and the catalogue's shared views) giving
 * one row per value of its grain (a fact row and an area it belongs to, or a person, year and
 * area), with at least the columns {@code area_code} and {@code year}. All indicators of the group
 * are aggregates over it.
 *
 * <p>The grain is the list of columns no two rows of the view share values of (such as {@code
 * area_code, year, person_key}: one row per person, year and area); it starts with {@code
 * area_code}. A test computes every fact view on small tables and holds each to its grain.
 *
 * @param name the name indicators refer to in their {@code fact} field
 * @param titleZh the group's Chinese title
 * @param titleEn the group's English title
 * @param drivingSource the clean table whose years the group is computed for
 * @param description what one row of the view is
 * @param sql the query
 * @param grain the columns one row of the view is unique on, {@code area_code} first
 */
public record FactView(
    String name,
    String titleZh,
    String titleEn,
    String drivingSource,
    String description,
    String sql,
    List<String> grain) {

  /** A fact view; a missing grain is kept as an empty list (the validator reports it). */
  public FactView {
    grain = grain == null ? List.of() : List.copyOf(grain);
  }
}
