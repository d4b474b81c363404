package org.ruralstats.config;

import java.nio.file.Path;

/**
 * What one nightly run is told: where the extracts land, where the warehouse is, where the exports
 * go, and the pseudonym key.
 *
 * @param landing the landing folder (a Hadoop path)
 * @param warehouse the warehouse folder (a Hadoop path)
 * @param exportDir where the run writes {@code indicators.csv} and {@code rejects.csv} after it
 *     succeeds, or null for none
 * @param pseudonymKey the secret key of the ID pseudonyms
 */
public record PipelineConfig(
    String landing, String warehouse, Path exportDir, byte[] pseudonymKey) {}
