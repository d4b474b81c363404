package org.ruralstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Zero-byte files: Spark's file sources skip them without a word, so they are parsed here, on the
 * driver (an empty file is nothing to read), and come out as the parser says: rejected as a whole
 * ({@code EMPTY_FILE}), or unchanged when that empty file was already processed.
 */
final class EmptyFiles {
  private EmptyFiles() {}

  /** The records of {@code files}: the non-empty ones read by {@code read}, the empty ones here. */
  static Dataset<Row> parse(
      SparkSession spark,
      FileSystem fs,
      List<LandingFile> files,
      SourceFileParser parser,
      Function<List<LandingFile>, Dataset<Row>> read) {
    List<LandingFile> nonEmpty = new ArrayList<>();
    List<Row> records = new ArrayList<>();
    for (LandingFile f : files) {
      try {
        if (fs.getFileStatus(new Path(f.path())).getLen() == 0) {
          parser.parse(f.county(), f.name(), new byte[0]).forEachRemaining(records::add);
        } else {
          nonEmpty.add(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f.path(), e);
      }
    }
    Dataset<Row> out =
        nonEmpty.isEmpty()
            ? spark.createDataFrame(List.of(), ParsedRecords.SCHEMA)
            : read.apply(nonEmpty);
    return records.isEmpty()
        ? out
        : out.union(spark.createDataFrame(records, ParsedRecords.SCHEMA));
  }
}
