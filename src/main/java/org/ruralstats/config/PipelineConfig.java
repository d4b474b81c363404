package org.ruralstats.config;

import java.nio.file.Path;

/**
 * What one nightly run is told: where the extracts land, where the warehouse is, where the exports
 * go, the pseudonym key, and how many sources it ingests side by side.
 *
 * @param landing the landing folder (a Hadoop path)
 * @param warehouse the warehouse folder (a Hadoop path)
 * @param exportDir where the run writes {@code indicators.csv} and {@code rejects.csv} after it
 *     succeeds, or null for none
 * @param pseudonymKey the secret key of the ID pseudonyms
 * @param sourceParallelism how many sources are ingested side by side
 */
public record PipelineConfig(
    String landing, String warehouse, Path exportDir, byte[] pseudonymKey, int sourceParallelism) {

  /** Settings with two sources ingested side by side. */
  public PipelineConfig(String landing, String warehouse, Path exportDir, byte[] pseudonymKey) {
    this(landing, warehouse, exportDir, pseudonymKey, 2);
  }
}
