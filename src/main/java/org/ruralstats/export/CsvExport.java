package org.ruralstats.export;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a dataset of string columns as one CSV file: UTF-8, comma, header row, RFC 4180 quoting
 * (only where needed), LF line ends, empty field for null. The file is written beside the target
 * under a temporary name and moved into place only when complete, so a reader never sees half a
 * file. Works on any Hadoop path; the data never passes through the driver.
 */
public final class CsvExport {
  private CsvExport() {}

  /**
   * Writes {@code rows}, sorted by {@code sortBy}, to {@code out}.
   *
   * @param rows the rows (may carry extra columns used only for sorting)
   * @param sortBy the sort order
   * @param columns the columns written, in order
   * @param out the target file
   */
  public static void write(Dataset<Row> rows, Column[] sortBy, Column[] columns, String out) {
    Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
    InPlace.write(
        conf,
        new Path(out),
        "the export " + out,
        (fs, tmp) -> {
          rows.repartition(1)
              .sortWithinPartitions(sortBy)
              .select(columns)
              .write()
              // one file whatever spark.sql.files.maxRecordsPerFile says (it would split the part)
              .option("maxRecordsPerFile", 0)
              .option("header", "true")
              .option("nullValue", "")
              .option("emptyValue", "")
              .option("quote", "\"")
              .option("escape", "\"")
              .option("lineSep", "\n")
              .option("encoding", "UTF-8")
              .csv(tmp.toString());
          Path part = null;
          for (FileStatus st : fs.listStatus(tmp)) {
            if (st.getPath().getName().startsWith("part-")) {
              if (part != null) {
                throw new IllegalStateException(
                    "Spark wrote more than one CSV part file under "
                        + tmp
                        + ": the export is not moved");
              }
              part = st.getPath();
            }
          }
          if (part == null) {
            throw new IllegalStateException("Spark wrote no CSV part file under " + tmp);
          }
          return part;
        });
  }
}
