package org.ruralstats.indicators;

/**
 * A named Spark SQL view over the clean tables that every fact view may use, e.g. {@code areas} or
 * {@code village_areas}.
 *
 * @param name the name the fact views' SQL refers to
 * @param description what one row of the view is
 * @param sql the query
 */
public record CatalogueView(String name, String description, String sql) {}
