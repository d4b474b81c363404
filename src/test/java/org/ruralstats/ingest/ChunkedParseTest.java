package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.TestIds;

/**
 * A file parsed in chunks ({@link FileScan}, {@link SourceFileParser#parseChunk}) gives exactly the
 * records of the same file parsed whole, with the same line numbers, wherever it is cut; and it is
 * cut only where that holds. No Spark: the chunks are cut from a byte array as the executors read
 * them from a file.
 */
class ChunkedParseTest {
  private static final SourceContract C = SourceContract.standard();
  private static final String V1 = "141123105201";
  private static final Pseudonymizer P =
      new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());
  private static final SourceFileParser PARSER =
      new SourceFileParser(C.source("insurance"), Map.of("", Set.of(V1)), P, Set.of());
  private static final String HEADER =
      "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount,enroll_date";

  private static String row(int i) {
    return "2024,"
        + TestIds.id("19800101", i % 900 + 1)
        + ","
        + V1
        + ",是,Y,城乡居民,"
        + (i % 3 == 0 ? "\"1,20.5\"" : "120")
        + ",2024-01-0"
        + (i % 9 + 1);
  }

  /** The records of a whole-file parse and of a chunked parse, as sorted text. */
  private static void assertSameRecords(byte[] content, long chunkBytes, int leastChunks)
      throws IOException {
    FileScan.Result scan = FileScan.scan(new ByteArrayInputStream(content), chunkBytes);
    assertEquals(
        SourceFileParser.sha256(content), scan.hash(), "the scan's hash is the content's hash");
    assertEquals(content.length, scan.bytes());
    assertTrue(
        scan.chunks().size() >= leastChunks,
        "cut into " + scan.chunks().size() + " chunks, expected at least " + leastChunks);
    List<String> chunked = new ArrayList<>();
    long expectedStart = 0;
    for (FileScan.Chunk c : scan.chunks()) {
      assertEquals(expectedStart, c.start(), "chunks cover the file without gap or overlap");
      expectedStart = c.end();
      int from = (int) (c.start() == 0 && scan.bom() ? 3 : c.start());
      byte[] header =
          c.start() == 0
              ? null
              : Arrays.copyOfRange(content, scan.bom() ? 3 : 0, (int) scan.headerEnd());
      PARSER
          .parseChunk(
              "",
              "f.csv",
              scan.hash(),
              scan.encoding(),
              header,
              Arrays.copyOfRange(content, from, (int) c.end()),
              c.linesBefore())
          .forEachRemaining(r -> chunked.add(r.toString()));
    }
    assertEquals(content.length, expectedStart);
    List<String> whole = new ArrayList<>();
    PARSER.parse("", "f.csv", content).forEachRemaining(r -> whole.add(r.toString()));
    assertEquals(sorted(whole), sorted(chunked), "chunk size " + chunkBytes);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> out = new ArrayList<>(rows);
    out.sort(null);
    return out;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRegularFileIsCutAtRecordBoundariesAndGivesTheSameRecordsWhereverItIsCut()
      throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append("\r\n");
    for (int i = 1; i <= 40; i++) {
      b.append(row(i)).append(i % 2 == 0 ? "\r\n" : "\n");
      if (i % 7 == 0) {
        b.append("\n   \n"); // blank lines between records
      }
      if (i % 11 == 0) {
        b.append("2024,\"a value\nover two lines\",x,,,,,\n"); // a quoted line break
      }
    }
    byte[] content = utf8(b.toString());
    for (long size : new long[] {1, 5, 64, 300, 1000, content.length, content.length * 2L}) {
      assertSameRecords(content, size, size <= 300 ? 3 : 1);
    }
  }

  @Test
  void aQuotedLineBreakIsNeverACut() throws IOException {
    String text = HEADER + "\n" + "\"2024\n\n\n\",x\n" + row(1) + "\n";
    FileScan.Result scan = FileScan.scan(new ByteArrayInputStream(utf8(text)), 1);
    List<Long> cuts = scan.chunks().stream().map(FileScan.Chunk::start).toList();
    long quoted = text.indexOf('"');
    long closed = text.lastIndexOf('"');
    for (long cut : cuts) {
      assertTrue(cut <= quoted || cut > closed, "cut at " + cut + " inside the quoted value");
    }
    assertEquals(List.of(0L, (long) HEADER.length() + 1, (long) text.indexOf("2024,")), cuts);
    assertSameRecords(utf8(text), 1, 3);
  }

  @Test
  void afterAnIrregularQuoteTheRestOfTheFileIsOneChunk() throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append("\n");
    for (int i = 1; i <= 10; i++) {
      b.append(row(i)).append("\n");
    }
    int broken = utf8(b.toString()).length;
    b.append("2024,ab\"c,\"x\"y,\n"); // a quote inside a value, text after a closing quote
    for (int i = 11; i <= 20; i++) {
      b.append(row(i)).append("\n");
    }
    b.append("2024,\"never closed,\n").append(row(21)).append("\n");
    byte[] content = utf8(b.toString());
    FileScan.Result scan = FileScan.scan(new ByteArrayInputStream(content), 1);
    FileScan.Chunk last = scan.chunks().get(scan.chunks().size() - 1);
    assertEquals(broken, last.start(), "no cut after the first irregular quote");
    assertEquals(12, scan.chunks().size(), "header, a chunk per record before it, the rest");
    assertSameRecords(content, 1, 11);
    assertSameRecords(content, 100, 2);
  }

  @Test
  void gb18030AndByteOrderMarkFilesAreCutAndReadTheSame() throws IOException {
    StringBuilder b = new StringBuilder("参保年度,身份证号,村代码,是否应参保,是否参保\n");
    for (int i = 1; i <= 30; i++) {
      b.append("2024,").append(TestIds.id("19900215", i)).append(',').append(V1).append(",是,否\n");
    }
    byte[] gb = b.toString().getBytes(Charset.forName("GB18030"));
    assertEquals("GB18030", FileScan.scan(new ByteArrayInputStream(gb), 1).encoding());
    assertSameRecords(gb, 1, 30);
    assertSameRecords(gb, 200, 3);
    byte[] text = utf8(b.toString());
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    assertEquals("UTF-8 (BOM)", FileScan.scan(new ByteArrayInputStream(bom), 1).encoding());
    assertSameRecords(bom, 1, 30);
    assertSameRecords(bom, 150, 3);
  }

  @Test
  void anEncodingIsJudgedOnTheWholeFile() throws IOException {
    // valid UTF-8 for its first 70 kB (more than the scan's buffer), then a byte neither UTF-8 nor
    // GB18030 allows
    byte[] content = new byte[70_000];
    Arrays.fill(content, (byte) 'a');
    content[0] = 'x';
    content[1] = ',';
    content[2] = '\n';
    content[69_000] = (byte) 0xFF;
    FileScan.Result scan = FileScan.scan(new ByteArrayInputStream(content), 1);
    assertNull(scan.encoding());
    assertEquals(SourceFileParser.sha256(content), scan.hash());
    // GB18030 bytes that are not UTF-8 only after the first buffer
    byte[] gb = ("a,b\n" + "x".repeat(70_000) + "中文\n").getBytes(Charset.forName("GB18030"));
    assertEquals("GB18030", FileScan.scan(new ByteArrayInputStream(gb), 1 << 20).encoding());
    byte[] badBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', (byte) 0xC3, '\n'};
    assertNull(FileScan.scan(new ByteArrayInputStream(badBom), 1).encoding());
  }

  @Test
  void aFileWhoseFirstLineIsNotItsHeaderIsNotCut() throws IOException {
    String text = "\n\n" + HEADER + "\n" + row(1) + "\n" + row(2) + "\n";
    FileScan.Result scan = FileScan.scan(new ByteArrayInputStream(utf8(text)), 1);
    assertEquals(1, scan.chunks().size());
    assertSameRecords(utf8(text), 1, 1);
    assertSameRecords(new byte[0], 1, 1);
    assertSameRecords(utf8(HEADER), 1, 1);
  }

  @Test
  void randomFilesGiveTheSameRecordsWhereverTheyAreCut() throws IOException {
    Random random = new Random(20261202);
    String[] pieces = {
      "2024",
      "\"a,b\"",
      "\"x\"\"y\"",
      "\"two\nlines\"",
      "",
      "  ",
      "是",
      "ab\"c",
      "\"q\" ",
      "\"open",
      "\r",
      V1,
      TestIds.id("19850505", 7)
    };
    for (int file = 0; file < 60; file++) {
      StringBuilder b = new StringBuilder(HEADER).append(random.nextBoolean() ? "\n" : "\r\n");
      int rows = 5 + random.nextInt(30);
      for (int r = 0; r < rows; r++) {
        if (random.nextInt(4) == 0) {
          b.append(row(r));
        } else {
          int fields = 1 + random.nextInt(9);
          for (int f = 0; f < fields; f++) {
            if (f > 0) {
              b.append(',');
            }
            // irregular pieces are rare, so most files are cut in several places
            String piece = pieces[random.nextInt(pieces.length)];
            boolean irregular = piece.equals("ab\"c") || piece.equals("\"open");
            b.append(irregular && random.nextInt(4) > 0 ? "v" : piece);
          }
        }
        b.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
      }
      byte[] content = utf8(b.toString());
      for (long size : new long[] {1, 17, 120}) {
        assertSameRecords(content, size, 1);
      }
    }
  }
}
