package org.ruralstats.ingest;

import java.io.Serializable;

/**
 * A file found in a source folder of the landing folder.
 *
 * @param county the county folder's code, or {@code ""} in a one-county landing folder (whose
 *     source folders sit directly under the landing folder)
 * @param source the source (folder name)
 * @param name the file name
 * @param path the full Hadoop path
 * @param length its size in bytes when it was listed
 */
public record LandingFile(String county, String source, String name, String path, long length)
    implements Serializable {

  /** How the file is named to a user and in the rejects export: {@code <county>/<name>} or name. */
  public String displayName() {
    return displayName(county, name);
  }

  /** {@code <county code>/<file name>} for a file of a county folder, else the file name. */
  public static String displayName(String county, String name) {
    return county == null || county.isEmpty() ? name : county + "/" + name;
  }
}
