package org.ruralstats.report;

import org.ruralstats.support.SmallLandingBuild;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The warehouse of the committed small landing folder ({@code data-samples/small-landing}), built
 * once per test JVM by the real nightly job ({@link SmallLandingBuild}) and shared by the report
 * and export tests (they only read it).
 */
final class SmallWarehouse {
  private SmallWarehouse() {}

  /** The published tables of the small landing folder's warehouse. */
  static PublishedTables tables() {
    return PublishedTables.latest(
        new Warehouse(TestSpark.session(), SmallLandingBuild.warehouse().toString()));
  }
}
