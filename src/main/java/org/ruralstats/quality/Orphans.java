package org.ruralstats.quality;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Water-project village rows whose project is not (yet) listed in {@code water_projects} of the
 * same county. They are kept in the clean table, count nowhere, and are reported here until their
 * project arrives. Grain: one row per orphan (county, project, village) row.
 */
public final class Orphans {
  private Orphans() {}

  /**
   * @param projectVillages the clean {@code water_project_villages} table
   * @param projects the clean {@code water_projects} table
   */
  public static Dataset<Row> find(Dataset<Row> projectVillages, Dataset<Row> projects) {
    return projectVillages
        .join(
            projects.select(col("county_code").as("_county"), col("project_id").as("_pid")),
            projectVillages
                .col("county_code")
                .equalTo(col("_county"))
                .and(projectVillages.col("project_id").equalTo(col("_pid"))),
            "left_anti")
        .select("county_code", "project_id", "village_code", "beneficiaries", "_file", "_line");
  }
}
