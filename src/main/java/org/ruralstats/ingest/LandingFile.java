package org.ruralstats.ingest;

import java.io.Serializable;

/**
 * A file found in a source folder of the landing folder.
 *
 * @param source the source (folder name)
 * @param name the file name
 * @param path the full Hadoop path
 */
public record LandingFile(String source, String name, String path) implements Serializable {}
