package org.ruralstats.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The landing folder: lists each source folder's {@code .csv} files (any letter case) in
 * lexicographic order of their names, and reads them, each once, into parsed records on the
 * executors.
 */
public final class LandingFolder {
  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;

  /**
   * Opens a landing folder.
   *
   * @throws IllegalArgumentException when the folder does not exist
   */
  public LandingFolder(SparkSession spark, String landing) {
    this.spark = spark;
    this.root = new Path(landing);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      this.fs = root.getFileSystem(conf);
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "the landing folder "
                + landing
                + " is a file, not a folder; pass the folder that"
                + " holds divisions/, roster/, insurance/ ...");
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException(
          "the landing folder " + landing + " does not exist; check --landing");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the landing folder " + landing, e);
    }
  }

  /** The landing folder's path. */
  public String path() {
    return root.toString();
  }

  /** The source's CSV files in processing order; none when its folder is absent. */
  public List<LandingFile> files(String source) {
    Path dir = new Path(root, source);
    List<LandingFile> out = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        if (st.isFile() && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          out.add(new LandingFile(source, name, st.getPath().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(Comparator.comparing(LandingFile::name));
    return out;
  }

  /** The entries of a source folder that are not {@code .csv} files (folders end with "/"). */
  public List<String> ignored(String source) {
    return IgnoredEntries.of(fs, new Path(root, source));
  }

  /** Sub-folders of the landing folder that are no source of the contract. */
  public List<String> unknownFolders(Set<String> sources) {
    List<String> out = new ArrayList<>();
    try {
      for (FileStatus st : fs.listStatus(root)) {
        if (st.isDirectory() && !sources.contains(st.getPath().getName())) {
          out.add(st.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Reads the files (each once, as bytes) and parses them on the executors (zero-byte files, which
   * Spark skips, on the driver: {@link EmptyFiles}).
   *
   * @return records of the {@link ParsedRecords#SCHEMA}
   */
  public Dataset<Row> parse(List<LandingFile> files, SourceFileParser parser) {
    return EmptyFiles.parse(spark, fs, files, parser, nonEmpty -> read(nonEmpty, parser));
  }

  private Dataset<Row> read(List<LandingFile> files, SourceFileParser parser) {
    String[] paths = files.stream().map(f -> escapeGlob(f.path())).toArray(String[]::new);
    return spark
        .read()
        .format("binaryFile")
        .load(paths)
        .select("path", "content")
        .flatMap(
            (FlatMapFunction<Row, Row>)
                r -> parser.parse(new Path(r.getString(0)).getName(), (byte[]) r.get(1)),
            Encoders.row(ParsedRecords.SCHEMA));
  }

  private static String escapeGlob(String path) {
    StringBuilder b = new StringBuilder();
    for (char c : path.toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
