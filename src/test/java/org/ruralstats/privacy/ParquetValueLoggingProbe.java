package org.ruralstats.privacy;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Run in a child JVM by {@link ParquetValueLoggingTest}: optionally guards (argument {@code
 * guard}), then writes one Parquet file holding {@code VALUE} with Parquet's own writer, reads its
 * footer back, and prints whether Parquet logs values.
 */
public final class ParquetValueLoggingProbe {
  /** The value written: shaped like an ID number (not a valid one). */
  static final String VALUE = "141123196503040110";

  private ParquetValueLoggingProbe() {}

  /** Arguments: {@code guard|none} and the file to write. */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("guard")) {
      ParquetValueLogging.guard();
    }
    MessageType schema = MessageTypeParser.parseMessageType("message row { required binary id; }");
    Configuration conf = new Configuration();
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new Path(args[1])).withConf(conf).withType(schema).build()) {
      writer.write(new SimpleGroupFactory(schema).newGroup().append("id", VALUE));
    }
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(args[1]), conf))) {
      System.out.println("rows=" + reader.getRecordCount()); // its footer, with min and max
    }
    System.out.println("valuesLogged=" + ParquetValueLogging.valuesLogged());
  }
}
