/**
 * The indicator catalogue (declared as data in {@code indicators/catalogue.yaml}) and the
 * computation of the published indicator table from the clean source tables.
 *
 * <p>Entry points: {@link org.ruralstats.indicators.IndicatorCatalogue#bundled()}, {@link
 * org.ruralstats.indicators.IndicatorCalculator#compute(java.util.Map)}, {@link
 * org.ruralstats.indicators.IndicatorExport#format(org.apache.spark.sql.Dataset)} and {@link
 * org.ruralstats.indicators.CatalogueDocs}.
 */
package org.ruralstats.indicators;
