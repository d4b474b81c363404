package org.ruralstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.CharSequenceReader;

/**
 * The records of a decoded CSV text (RFC 4180, parsed by Apache Commons CSV), each with the
 * physical line it starts on (line 1 is the first line of the file). Blank lines, including lines
 * of white space only, are skipped. A record that is not valid CSV (e.g. text after a closing
 * quote) is returned as a malformed record and parsing resumes on the next line, so one bad line
 * never hides the rest of the file.
 */
public final class CsvRecords implements Iterator<CsvRecords.Record> {

  /**
   * One record.
   *
   * @param line the physical line the record starts on
   * @param fields the fields as delivered (not trimmed), or null when malformed
   * @param error what is wrong when the record is not valid CSV, else null
   */
  public record Record(int line, List<String> fields, String error) {}

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

  private final String text;
  private final int lineOffset;
  private final int[] lineStarts;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private int offset;
  private int baseLine;
  private int lastEndLine;
  private Record next;

  /** Starts reading the records of {@code text}. */
  public CsvRecords(String text) {
    this(text, 0);
  }

  /**
   * Starts reading the records of a part of a file that begins at a record boundary.
   *
   * @param linesBefore line breaks in the file before the part: its first line is this plus one
   */
  public CsvRecords(String text, int linesBefore) {
    this.text = text;
    this.lineOffset = linesBefore;
    this.lineStarts = lineStarts(text);
    open(0, 0);
  }

  private void open(int fromOffset, int linesBefore) {
    closeQuietly();
    offset = fromOffset;
    baseLine = linesBefore;
    lastEndLine = linesBefore;
    try {
      parser = CSVParser.parse(new CharSequenceReader(text, fromOffset), FORMAT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records = parser.iterator();
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      next = advance();
      if (next == null) {
        return false;
      }
      if (next.fields() != null && isBlank(next.fields())) {
        next = null;
      }
    }
    return true;
  }

  @Override
  public Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Record r = next;
    next = null;
    return r;
  }

  private Record advance() {
    if (records == null) {
      return null;
    }
    try {
      if (!records.hasNext()) {
        closeQuietly();
        records = null;
        return null;
      }
      CSVRecord rec = records.next();
      int pos = offset + (int) rec.getCharacterPosition();
      while (pos < text.length() && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
        pos++;
      }
      lastEndLine = baseLine + (int) parser.getCurrentLineNumber();
      return new Record(lineOffset + lineOf(pos), rec.toList(), null);
    } catch (UncheckedIOException | IllegalStateException e) {
      int failing = firstNonEmptyLineAfter(lastEndLine);
      String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      if (failing < lineStarts.length) {
        open(lineStarts[failing], failing); // resume on the line after the failing one
      } else {
        closeQuietly();
        records = null;
      }
      return new Record(lineOffset + failing, null, cleanMessage(message));
    }
  }

  /** The 1-based line of the first non-empty line after line {@code line} (1-based). */
  private int firstNonEmptyLineAfter(int line) {
    int l = line + 1;
    while (l < lineStarts.length && lineStarts[l] - lineStarts[l - 1] <= 2 && isEmptyLine(l)) {
      l++;
    }
    return l;
  }

  private boolean isEmptyLine(int oneBasedLine) {
    int start = lineStarts[oneBasedLine - 1];
    return start >= text.length() || text.charAt(start) == '\r' || text.charAt(start) == '\n';
  }

  private int lineOf(int pos) {
    int i = Arrays.binarySearch(lineStarts, pos);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private static int[] lineStarts(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    int[] starts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts[k++] = i + 1;
      }
    }
    return starts;
  }

  private static boolean isBlank(List<String> fields) {
    return fields.size() == 1 && FieldValues.trim(fields.get(0)).isEmpty();
  }

  private static String cleanMessage(String message) {
    if (message == null) {
      return "the line is not valid CSV";
    }
    // Commons CSV reports positions relative to where parsing resumed; keep only the cause.
    int at = message.indexOf(" at line");
    return (at > 0 ? message.substring(0, at) : message).trim();
  }

  private void closeQuietly() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // reading from a string: nothing to release
      }
      parser = null;
    }
  }
}
