package org.ruralstats.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Reads landing files on the executors as streams, never whole: one task per file scans it ({@link
 * FileScan}: hash, encoding, where it can be cut), then its chunks are spread over tasks and each
 * is read by a positioned read of its own bytes and parsed ({@link SourceFileParser#parseChunk}). A
 * task holds one chunk (about {@value #CONF_CHUNK_BYTES}, default 8 MiB), so a file of any size is
 * read, and a large file is parsed by several tasks at once. The records are the same as a parse of
 * the whole file.
 */
final class ChunkedFiles {
  /** Spark setting: the least size of a chunk, in bytes or with a unit ({@code 8m}). */
  static final String CONF_CHUNK_BYTES = "spark.ruralstats.ingest.chunkBytes";

  static final String DEFAULT_CHUNK_BYTES = "8m";

  /** The largest array the JVM allocates, about 2 GiB. */
  private static final long MAX_CHUNK = Integer.MAX_VALUE - 16;

  private ChunkedFiles() {}

  /** What the scan of one file gives: a chunk to parse, or the file's record alone. */
  private enum Kind {
    CHUNK,
    UNCHANGED,
    BAD_ENCODING,
    TOO_LARGE
  }

  /** One unit of work of the parse: a chunk of a file, or a file reported without parsing. */
  private record Piece(
      LandingFile file,
      Kind kind,
      String hash,
      String encoding,
      boolean bom,
      long headerEnd,
      FileScan.Chunk chunk,
      long length,
      long modified)
      implements Serializable {}

  /** The least chunk size configured for {@code spark}. */
  static long chunkBytes(SparkSession spark) {
    return JavaUtils.byteStringAsBytes(spark.conf().get(CONF_CHUNK_BYTES, DEFAULT_CHUNK_BYTES));
  }

  /** The parsed records ({@link ParsedRecords#SCHEMA}) of {@code files}. */
  static Dataset<Row> parse(SparkSession spark, List<LandingFile> files, SourceFileParser parser) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), ParsedRecords.SCHEMA);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = hadoopConf(spark);
    long chunkBytes = chunkBytes(spark);
    long chunks = 0;
    for (LandingFile f : files) {
      chunks += Math.max(1, (f.length() + chunkBytes - 1) / chunkBytes);
    }
    int parts =
        (int) Math.max(1, Math.min(chunks, Math.max(files.size(), jsc.defaultParallelism())));
    JavaRDD<Piece> pieces =
        jsc.parallelize(files, files.size())
            .flatMap(f -> scan(f, conf.value().value(), chunkBytes, parser).iterator());
    JavaRDD<Row> rows =
        (parts > 1 ? pieces.repartition(parts) : pieces)
            .flatMap(p -> read(p, conf.value().value(), parser));
    return spark.createDataFrame(rows, ParsedRecords.SCHEMA);
  }

  /**
   * The SHA-256 of each file's content (hex), streamed on the executors in one job; one short row
   * per file comes back. A file that vanished since the listing has no entry.
   */
  static List<Tuple2<LandingFile, String>> hashes(SparkSession spark, List<LandingFile> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = hadoopConf(spark);
    int parts = Math.min(files.size(), Math.max(1, 4 * jsc.defaultParallelism()));
    return jsc.parallelize(files, parts)
        .flatMap(
            f -> {
              Path path = new Path(f.path());
              try (FSDataInputStream in = path.getFileSystem(conf.value().value()).open(path)) {
                return List.of(new Tuple2<>(f, FileScan.sha256(in))).iterator();
              } catch (FileNotFoundException gone) {
                return Collections.emptyIterator();
              }
            })
        .collect();
  }

  private static Broadcast<SerializableConfiguration> hadoopConf(SparkSession spark) {
    return SerializableConfiguration.broadcast(
        spark.sparkContext(), spark.sparkContext().hadoopConfiguration());
  }

  private static List<Piece> scan(
      LandingFile f, Configuration conf, long chunkBytes, SourceFileParser parser)
      throws IOException {
    Path path = new Path(f.path());
    FileSystem fs = path.getFileSystem(conf);
    FileStatus status = fs.getFileStatus(path);
    FileScan.Result r;
    try (FSDataInputStream in = fs.open(path)) {
      r = FileScan.scan(in, chunkBytes);
    }
    long modified = status.getModificationTime();
    if (parser.isKnown(f.county(), f.name(), r.hash())) {
      return List.of(piece(f, Kind.UNCHANGED, r, null, modified));
    }
    if (r.encoding() == null) {
      return List.of(piece(f, Kind.BAD_ENCODING, r, null, modified));
    }
    List<Piece> out = new ArrayList<>();
    for (FileScan.Chunk c : r.chunks()) {
      if (c.end() - c.start() > MAX_CHUNK) {
        return List.of(piece(f, Kind.TOO_LARGE, r, c, modified));
      }
      out.add(piece(f, Kind.CHUNK, r, c, modified));
    }
    return out;
  }

  private static Piece piece(
      LandingFile f, Kind kind, FileScan.Result r, FileScan.Chunk c, long modified) {
    return new Piece(
        f, kind, r.hash(), r.encoding(), r.bom(), r.headerEnd(), c, r.bytes(), modified);
  }

  private static Iterator<Row> read(Piece p, Configuration conf, SourceFileParser parser)
      throws IOException {
    LandingFile f = p.file();
    switch (p.kind()) {
      case UNCHANGED:
        return parser.unchanged(f.county(), f.name(), p.hash());
      case BAD_ENCODING:
        return parser.badEncoding(f.county(), f.name(), p.hash(), p.bom());
      case TOO_LARGE:
        return parser.rejected(
            f.county(),
            f.name(),
            p.hash(),
            p.encoding(),
            new FieldFault(
                RejectCode.MALFORMED_CSV,
                "from line "
                    + (p.chunk().linesBefore() + 1)
                    + " on, the file's quotes are not regular (a quote inside a value, text after"
                    + " a closing quote, or a quote never closed), so it cannot be read in parts,"
                    + " and that part is over 2 GB; fix its quoting or split the file, and"
                    + " deliver it again"));
      default:
        break;
    }
    Path path = new Path(f.path());
    FileSystem fs = path.getFileSystem(conf);
    FileStatus now = fs.getFileStatus(path);
    if (now.getLen() != p.length() || now.getModificationTime() != p.modified()) {
      throw new IOException(
          "the landing file "
              + f.path()
              + " changed while it was being read (it had "
              + p.length()
              + " bytes, now "
              + now.getLen()
              + "); deliver files by writing them under another name and renaming them, then run"
              + " again");
    }
    FileScan.Chunk c = p.chunk();
    long from = c.start() == 0 && p.bom() ? 3 : c.start();
    byte[] bytes = new byte[(int) (c.end() - from)];
    byte[] header = null;
    try (FSDataInputStream in = fs.open(path)) {
      in.readFully(from, bytes);
      if (c.start() > 0) {
        long headerFrom = p.bom() ? 3 : 0;
        header = new byte[(int) (p.headerEnd() - headerFrom)];
        in.readFully(headerFrom, header);
      }
    }
    return parser.parseChunk(
        f.county(), f.name(), p.hash(), p.encoding(), header, bytes, c.linesBefore());
  }
}
