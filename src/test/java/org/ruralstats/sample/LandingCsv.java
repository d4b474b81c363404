package org.ruralstats.sample;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;

/**
 * The text handling of SOURCES.md, for {@link LandingReader}: decoding a file's bytes (UTF-8 with
 * or without a byte order mark, else GB18030), the CSV format, trimming a cell, and the line number
 * of a record.
 */
final class LandingCsv {

  /** Comma-separated, double-quoted, empty lines skipped. */
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  private LandingCsv() {}

  static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return strict(StandardCharsets.UTF_8, Arrays.copyOfRange(bytes, 3, bytes.length));
    }
    String s = strict(StandardCharsets.UTF_8, bytes);
    return s != null ? s : strict(Charset.forName("GB18030"), bytes);
  }

  private static String strict(Charset cs, byte[] bytes) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && ws(s.charAt(a))) {
      a++;
    }
    while (b > a && ws(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean ws(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  static int[] lineStarts(String text) {
    int[] starts = new int[1024];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  static int lineOf(int[] starts, int pos) {
    int i = Arrays.binarySearch(starts, pos);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
