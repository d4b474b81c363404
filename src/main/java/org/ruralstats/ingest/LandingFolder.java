package org.ruralstats.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The landing folder. It holds either one folder per source (one county) or one folder per county,
 * named by the county's 12-digit division code and laid out like a one-county landing folder
 * (several counties), never both. Lists each source folder's {@code .csv} files (any letter case)
 * in lexicographic order of their names, and reads them as streams into parsed records on the
 * executors.
 */
public final class LandingFolder {
  /** A county folder's name: a 12-digit county code, ending in six zeros. */
  private static final Pattern COUNTY_FOLDER = Pattern.compile("[0-9]{6}000000");

  /** The county of every file in a one-county landing folder: none is named. */
  public static final String ONE_COUNTY = "";

  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;
  private final Set<String> sources;
  private final List<String> counties = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final boolean countyFolders;

  /** What one listing of a source folder found: the files read, and the entries that are not. */
  private record Listing(List<LandingFile> files, List<String> ignored) {}

  /** Each county's source folder, by "county/source", listed on first use. */
  private final Map<String, Listing> listed = new ConcurrentHashMap<>();

  /**
   * Opens a landing folder and finds its layout.
   *
   * @param sources the source folder names of the contract
   * @throws IllegalArgumentException when the folder does not exist, is a file, or holds both
   *     source folders and county folders
   */
  public LandingFolder(SparkSession spark, String landing, Set<String> sources) {
    this.spark = spark;
    this.root = new Path(landing);
    this.sources = Set.copyOf(sources);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> sourceFolders = new ArrayList<>();
    try {
      this.fs = root.getFileSystem(conf);
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "the landing folder "
                + landing
                + " is a file, not a folder; pass the folder that"
                + " holds divisions/, roster/, insurance/ ... (or one folder per county)");
      }
      for (FileStatus st : sorted(fs.listStatus(root))) {
        String name = st.getPath().getName();
        if (!st.isDirectory()) {
          notices.add("file " + name + " at the top of the landing folder is no source; ignored");
        } else if (sources.contains(name)) {
          sourceFolders.add(name);
        } else if (COUNTY_FOLDER.matcher(name).matches()) {
          counties.add(name);
        } else {
          notices.add(
              "folder "
                  + name
                  + "/ is neither a source nor a county folder (a 12-digit county code ending"
                  + " in 000000); ignored");
        }
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException(
          "the landing folder " + landing + " does not exist; check --landing");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the landing folder " + landing, e);
    }
    if (!sourceFolders.isEmpty() && !counties.isEmpty()) {
      throw new IllegalArgumentException(
          "the landing folder "
              + landing
              + " holds both source folders ("
              + String.join("/, ", sourceFolders)
              + "/) and county folders ("
              + String.join("/, ", counties)
              + "/); it must hold one or the other. Move each source folder into the folder of"
              + " its county (e.g. "
              + counties.get(0)
              + "/"
              + sourceFolders.get(0)
              + "/), then run again. Nothing was changed.");
    }
    this.countyFolders = !counties.isEmpty();
    if (!countyFolders) {
      counties.add(ONE_COUNTY);
    } else {
      for (String county : counties) {
        for (String unknown : unknownFolders(new Path(root, county))) {
          notices.add(
              "folder " + county + "/" + unknown + "/ is no source of the contract; ignored");
        }
      }
    }
  }

  /** The landing folder's path. */
  public String path() {
    return root.toString();
  }

  /** Whether the landing folder holds county folders (several counties). */
  public boolean hasCountyFolders() {
    return countyFolders;
  }

  /**
   * The counties of the landing folder in code order: the county folders' codes, or the one county
   * {@link #ONE_COUNTY} of a landing folder with source folders.
   */
  public List<String> counties() {
    return List.copyOf(counties);
  }

  /** What the layout check noticed: folders and files that are ignored. */
  public List<String> notices() {
    return List.copyOf(notices);
  }

  /** The source's CSV files of every county in processing order; none when absent. */
  public List<LandingFile> files(String source) {
    List<LandingFile> out = new ArrayList<>();
    for (String county : counties) {
      out.addAll(files(county, source));
    }
    return out;
  }

  /**
   * A county's CSV files of a source in processing order; none when its folder is absent. Each
   * folder is listed once, on first use: every step of a run (the ledger's lookup, the ignored
   * entries, the unchanged sources, the parse) sees the same listing, and an object store is not
   * asked again.
   */
  public List<LandingFile> files(String county, String source) {
    return listing(county, source).files();
  }

  /**
   * The entries of a county's source folder that are not {@code .csv} files (folders end with "/"),
   * from the same listing as {@link #files(String, String)}.
   */
  public List<String> ignored(String county, String source) {
    return listing(county, source).ignored();
  }

  private Listing listing(String county, String source) {
    return listed.computeIfAbsent(county + "/" + source, k -> list(county, source));
  }

  private Listing list(String county, String source) {
    Path dir = new Path(county.isEmpty() ? root : new Path(root, county), source);
    FileStatus[] entries;
    try {
      if (!fs.exists(dir)) {
        return new Listing(List.of(), List.of());
      }
      entries = fs.listStatus(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    List<LandingFile> out = new ArrayList<>();
    // not read, and listed in the run's output so that a compressed or misplaced delivery (.csv.gz,
    // .txt, .xlsx, a sub-folder) never vanishes without a word: "name/" for a folder, "name" else
    List<String> ignored = new ArrayList<>();
    for (FileStatus st : entries) {
      String name = st.getPath().getName();
      if (st.isDirectory()) {
        ignored.add(name + "/");
      } else if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        ignored.add(name);
      } else if (st.isFile()) {
        out.add(new LandingFile(county, source, name, st.getPath().toString(), st.getLen()));
      }
    }
    out.sort(Comparator.comparing(LandingFile::name));
    ignored.sort(String::compareTo);
    return new Listing(List.copyOf(out), List.copyOf(ignored));
  }

  private List<String> unknownFolders(Path dir) {
    List<String> out = new ArrayList<>();
    try {
      for (FileStatus st : sorted(fs.listStatus(dir))) {
        if (st.isDirectory() && !sources.contains(st.getPath().getName())) {
          out.add(st.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  private static List<FileStatus> sorted(FileStatus[] statuses) {
    List<FileStatus> out = new ArrayList<>(List.of(statuses));
    out.sort(Comparator.comparing(st -> st.getPath().getName()));
    return out;
  }

  /**
   * Reads the files as streams and parses them on the executors, a large file in chunks by several
   * tasks ({@link ChunkedFiles}).
   *
   * @return records of the {@link ParsedRecords#SCHEMA}
   */
  public Dataset<Row> parse(List<LandingFile> files, SourceFileParser parser) {
    return ChunkedFiles.parse(spark, files, parser);
  }

  /**
   * The SHA-256 of each file's content (hex, as the file ledger records it), streamed on the
   * executors in one job; one short row per file comes back to the driver. A file that vanished
   * since the listing has no entry.
   */
  public Map<LandingFile, String> contentHashes(List<LandingFile> files) {
    Map<LandingFile, String> out = new HashMap<>();
    ChunkedFiles.hashes(spark, files).forEach(t -> out.put(t._1(), t._2()));
    return out;
  }
}
