package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.TestIds;
import org.ruralstats.support.TestSpark;

/**
 * Landing files read by real Spark tasks as streams ({@link ChunkedFiles}): a file larger than the
 * chunk size is parsed by several tasks, with the records of a whole-file parse; unchanged files
 * are not parsed; the content hashes are the files' SHA-256, an empty file's included.
 */
class ChunkedFilesTest {
  private static final SourceContract C = SourceContract.standard();
  private static final String V1 = "141123105201";
  private static final SourceFileParser PARSER =
      new SourceFileParser(
          C.source("insurance"),
          Map.of("", Set.of(V1)),
          new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes()),
          Set.of());

  @TempDir Path dir;

  private LandingFile write(String name, String text) throws IOException {
    Path file = dir.resolve("insurance").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new LandingFile("", "insurance", name, file.toUri().toString(), Files.size(file));
  }

  private static String insurance(int rows) {
    StringBuilder b =
        new StringBuilder(
            "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount\r\n");
    for (int i = 1; i <= rows; i++) {
      b.append("2024,")
          .append(TestIds.id("19800101", i % 900 + 1))
          .append(',')
          .append(V1)
          .append(i % 50 == 0 ? ",\"是\nX\"" : ",是")
          .append(",Y,\"城乡居民\",")
          .append(i % 13)
          .append("\r\n");
    }
    return b.toString();
  }

  private static List<String> sorted(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        fields.add(
            v instanceof scala.collection.Map<?, ?> m
                ? new java.util.TreeMap<>(scala.jdk.javaapi.CollectionConverters.asJava(m))
                : v);
      }
      out.add(fields.toString());
    }
    out.sort(null);
    return out;
  }

  @Test
  void aLargeFileIsParsedBySeveralTasksWithTheRecordsOfAWholeFileParse() throws IOException {
    SparkSession spark = TestSpark.session();
    String text = insurance(3000);
    LandingFile big = write("2024-12-31.csv", text);
    LandingFile small = write("2025-01-31.csv", insurance(3));
    LandingFile empty = write("2025-02-28.csv", "");
    spark.conf().set(ChunkedFiles.CONF_CHUNK_BYTES, "16k");
    try {
      Dataset<Row> parsed = ChunkedFiles.parse(spark, List.of(big, small, empty), PARSER);
      List<Row> rows = parsed.withColumn("task", functions.spark_partition_id()).collectAsList();
      long tasks =
          rows.stream()
              .filter(r -> r.getAs("file_name").equals(big.name()))
              .map(r -> r.getAs("task"))
              .distinct()
              .count();
      assertTrue(tasks > 1, "the large file's rows came from " + tasks + " task(s)");
      List<Row> expected = new ArrayList<>();
      for (LandingFile f : List.of(big, small, empty)) {
        PARSER
            .parse("", f.name(), Files.readAllBytes(Path.of(java.net.URI.create(f.path()))))
            .forEachRemaining(expected::add);
      }
      assertEquals(3 + 3000 + 3, expected.size());
      List<String> want = sorted(expected);
      List<String> got = sorted(parsed.collectAsList());
      List<String> missing = new ArrayList<>(want);
      missing.removeAll(got);
      List<String> extra = new ArrayList<>(got);
      extra.removeAll(want);
      assertEquals(
          List.of(),
          missing.subList(0, Math.min(3, missing.size())),
          "records of the whole-file parse missing; extra records: "
              + extra.subList(0, Math.min(3, extra.size())));
      assertEquals(want, got);
    } finally {
      spark.conf().unset(ChunkedFiles.CONF_CHUNK_BYTES);
    }
  }

  @Test
  void hashesAreTheContentsSha256AndAKnownFileIsNotParsedAgain() throws IOException {
    SparkSession spark = TestSpark.session();
    LandingFile a = write("a.csv", insurance(20));
    LandingFile empty = write("b.csv", "");
    Map<LandingFile, String> hashes = new java.util.HashMap<>();
    ChunkedFiles.hashes(spark, List.of(a, empty)).forEach(t -> hashes.put(t._1(), t._2()));
    assertEquals(
        SourceFileParser.sha256(insurance(20).getBytes(StandardCharsets.UTF_8)), hashes.get(a));
    assertEquals(SourceFileParser.sha256(new byte[0]), hashes.get(empty));
    SourceFileParser knowing =
        new SourceFileParser(
            C.source("insurance"),
            Map.of("", Set.of(V1)),
            new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes()),
            Set.of(SourceFileParser.fileIdentity("", a.name(), hashes.get(a))));
    List<Row> rows = ChunkedFiles.parse(spark, List.of(a), knowing).collectAsList();
    assertEquals(1, rows.size());
    assertEquals(ParsedRecords.FILE_UNCHANGED, rows.get(0).getAs("file_status"));
  }
}
