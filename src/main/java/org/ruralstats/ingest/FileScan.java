package org.ruralstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One streaming pass over a landing file's bytes, before it is parsed: its SHA-256, its encoding
 * (the rules of {@link DecodedText}, checked on the whole file), and the places where it can be cut
 * into chunks that separate tasks parse, each from a record boundary, with the line it starts on.
 * Nothing but a 64 KiB buffer is held, whatever the file's size.
 *
 * <p><b>Where a file is cut.</b> Only after a line feed that ends a record: outside quotes, once at
 * least {@code chunkBytes} have passed since the last cut. The quote state is followed byte by
 * byte, which is exact in both encodings (in UTF-8 and in GB18030 the bytes of {@code "}, {@code
 * ,}, CR and LF never occur inside a multi-byte character). It is followed only while the file's
 * quoting is <i>regular</i>: a quote opens a field right after a comma or a line break and closes
 * it before a comma, a line break, spaces or tabs, or the end of the file. There the CSV parser's
 * state at a line feed is known without parsing. At the first irregular quote (a quote inside an
 * unquoted value, text after a closing quote, a quote left open at the end) no further cut is made:
 * how the parser reads and recovers from such a line depends on the parse itself, so the rest of
 * the file stays one chunk and is parsed exactly as a whole file would be. A file is cut only when
 * its first line is its header (a line with a comma, letter or digit), which every chunk's task
 * reads again.
 */
public final class FileScan {

  /**
   * A part of a file that one task parses.
   *
   * @param start first byte (0 for the first chunk, which holds the header)
   * @param end byte after the last
   * @param linesBefore line breaks before {@code start}: the chunk's first line is this plus one
   */
  public record Chunk(long start, long end, int linesBefore) implements Serializable {}

  /**
   * What the scan found.
   *
   * @param hash SHA-256 of the content, hex
   * @param bytes the file's length
   * @param encoding {@code UTF-8}, {@code UTF-8 (BOM)} or {@code GB18030}; null when the file is
   *     valid in neither (it is then rejected as a whole, {@link DecodedText#decode})
   * @param bom whether it starts with a UTF-8 byte-order mark
   * @param headerEnd the byte after the header line, when the file is cut; else -1
   * @param chunks the chunks, in order, covering the whole file (one when it is not cut)
   */
  public record Result(
      String hash, long bytes, String encoding, boolean bom, long headerEnd, List<Chunk> chunks) {}

  private static final int BUFFER = 64 * 1024;
  private static final Charset GB18030 = Charset.forName("GB18030");

  private enum Quote {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED,
    AFTER_CLOSE
  }

  private final long chunkBytes;
  private final MessageDigest sha256;
  private final Probe utf8 = new Probe(StandardCharsets.UTF_8);
  private final Probe gb18030 = new Probe(GB18030);
  private final List<Chunk> chunks = new ArrayList<>();
  private boolean bom;
  private long pos;
  private int lineBreaks;
  private boolean afterCr;
  private Quote quote = Quote.FIELD_START;
  private boolean regular = true;
  private boolean headerFound;
  private long headerEnd = -1;
  private long chunkStart;
  private int chunkLinesBefore;

  private FileScan(long chunkBytes) {
    this.chunkBytes = Math.max(1, chunkBytes);
    this.sha256 = SourceFileParser.newSha256();
  }

  /**
   * Scans a file's content to its end (the stream is not closed).
   *
   * @param chunkBytes the least size of a chunk but the last
   */
  public static Result scan(InputStream in, long chunkBytes) throws IOException {
    FileScan scan = new FileScan(chunkBytes);
    byte[] buffer = new byte[BUFFER];
    int n = in.readNBytes(buffer, 0, 3);
    scan.bom =
        n == 3
            && (buffer[0] & 0xff) == 0xEF
            && (buffer[1] & 0xff) == 0xBB
            && (buffer[2] & 0xff) == 0xBF;
    if (scan.bom) {
      scan.sha256.update(buffer, 0, 3);
      scan.pos = 3;
      n = 0;
    }
    while (n >= 0) {
      if (n > 0) {
        scan.feed(buffer, n);
      }
      n = in.read(buffer);
    }
    return scan.finish();
  }

  /** The SHA-256 of a stream's content, hex, read to its end in a 64 KiB buffer. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest digest = SourceFileParser.newSha256();
    byte[] buffer = new byte[BUFFER];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private void feed(byte[] buffer, int n) {
    sha256.update(buffer, 0, n);
    utf8.feed(buffer, n);
    if (!bom) {
      gb18030.feed(buffer, n);
    }
    for (int i = 0; i < n; i++, pos++) {
      byte b = buffer[i];
      if (afterCr && b != '\n') {
        lineBreaks++; // a CR alone is a line break (CsvRecords counts lines the same way)
      }
      afterCr = b == '\r';
      if (regular) {
        follow(b);
      }
      if (b == '\n') {
        lineBreaks++;
        if (regular && quote == Quote.FIELD_START) {
          recordEnded(pos + 1);
        }
      }
    }
  }

  /** The quote state after byte {@code b}; an irregular quote ends all cutting. */
  private void follow(byte b) {
    boolean separator = b == ',' || b == '\n' || b == '\r';
    switch (quote) {
      case FIELD_START -> quote = b == '"' ? Quote.QUOTED : separator ? quote : Quote.UNQUOTED;
      case UNQUOTED -> {
        if (b == '"') {
          regular = false;
        } else if (separator) {
          quote = Quote.FIELD_START;
        }
      }
      case QUOTED -> quote = b == '"' ? Quote.QUOTE_IN_QUOTED : quote;
      case QUOTE_IN_QUOTED -> {
        if (b == '"') {
          quote = Quote.QUOTED; // a doubled quote inside a quoted value
        } else if (separator) {
          quote = Quote.FIELD_START;
        } else if (b == ' ' || b == '\t') {
          quote = Quote.AFTER_CLOSE;
        } else {
          regular = false;
        }
      }
      case AFTER_CLOSE -> {
        if (separator) {
          quote = Quote.FIELD_START;
        } else if (b != ' ' && b != '\t') {
          regular = false;
        }
      }
    }
    if (!headerFound && (b == ',' || Character.isLetterOrDigit(b))) {
      headerFound = true; // (b < 0x80 here: a byte of a multi-byte character is negative)
    }
  }

  /** A record ended with the line feed before {@code next}: the first one is the header. */
  private void recordEnded(long next) {
    if (headerEnd < 0) {
      if (!headerFound) {
        regular = false; // the first line is blank or its content unclear: the file is not cut
        return;
      }
      headerEnd = next;
    }
    if (next - chunkStart >= chunkBytes) {
      chunks.add(new Chunk(chunkStart, next, chunkLinesBefore));
      chunkStart = next;
      chunkLinesBefore = lineBreaks;
    }
  }

  private Result finish() {
    String hash = HexFormat.of().formatHex(sha256.digest());
    String encoding;
    if (bom) {
      encoding = utf8.finish() ? "UTF-8 (BOM)" : null;
    } else if (utf8.finish()) {
      encoding = "UTF-8";
    } else {
      encoding = gb18030.finish() ? "GB18030" : null;
    }
    if (encoding == null) { // rejected as a whole: nothing is parsed
      return new Result(hash, pos, null, bom, -1, List.of(new Chunk(0, pos, 0)));
    }
    if (pos > chunkStart || chunks.isEmpty()) {
      chunks.add(new Chunk(chunkStart, pos, chunkLinesBefore));
    }
    return new Result(
        hash, pos, encoding, bom, chunks.size() > 1 ? headerEnd : -1, List.copyOf(chunks));
  }

  /** A strict decoder fed piece by piece: whether the whole input is valid in its charset. */
  private static final class Probe {
    private final CharsetDecoder decoder;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER + 16);
    private final CharBuffer sink = CharBuffer.allocate(BUFFER);
    private boolean valid = true;

    Probe(Charset charset) {
      decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    void feed(byte[] bytes, int n) {
      if (valid) {
        pending.put(bytes, 0, n);
        pending.flip();
        decode(false);
        pending.compact();
      }
    }

    boolean finish() {
      if (valid) {
        pending.flip();
        decode(true);
        sink.clear();
        valid = valid && !decoder.flush(sink).isError();
      }
      return valid;
    }

    private void decode(boolean endOfInput) {
      while (valid) {
        sink.clear();
        CoderResult r = decoder.decode(pending, sink, endOfInput);
        if (r.isError()) {
          valid = false;
        } else if (r.isUnderflow()) {
          return;
        }
      }
    }
  }
}
