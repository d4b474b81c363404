package org.ruralstats.sample;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One CSV file being built in memory: header, rows in a chosen column layout, encoding, line
 * endings, optional padding of values. Tracks the physical line on which each row starts (the
 * header is line 1; a quoted field with a line break moves the next row down) and records the bad
 * rows it was given.
 */
final class CsvSink {

  static final Charset GB18030 = Charset.forName("GB18030");

  /** An output column: its header text and the canonical field it shows ({@code -1}: extra). */
  record Column(String header, int field) {}

  final String source;
  final String name;
  final Charset charset;
  final boolean bom;
  final String eol;
  private final List<Column> columns;
  private final StringBuilder text = new StringBuilder(1 << 16);
  private final List<Summary.BadRow> badRows = new ArrayList<>();
  private int line = 1;
  private int rows;
  private boolean quoteAll;
  private double padRate;
  private double blankAsSpaceRate;
  private SplittableRandom padRandom;
  private boolean finalNewline = true;

  CsvSink(
      String source, String name, Charset charset, boolean bom, String eol, List<Column> columns) {
    this.source = source;
    this.name = name;
    this.charset = charset;
    this.bom = bom;
    this.eol = eol;
    this.columns = List.copyOf(columns);
    List<String> header = new ArrayList<>();
    for (Column c : columns) {
      header.add(c.header());
    }
    appendRecord(header);
  }

  /** Quote every field, as some database exports do. */
  CsvSink quoteAll() {
    this.quoteAll = true;
    return this;
  }

  /**
   * Pads a share of non-empty values with ASCII or full-width (U+3000) spaces, and writes a share
   * of empty optional values as a lone full-width space.
   */
  CsvSink pad(double rate, double blankAsSpace, SplittableRandom r) {
    this.padRate = rate;
    this.blankAsSpaceRate = blankAsSpace;
    this.padRandom = r;
    return this;
  }

  /** Leaves out the line break after the last row. */
  CsvSink noFinalNewline() {
    this.finalNewline = false;
    return this;
  }

  String path() {
    return source + "/" + name;
  }

  int rows() {
    return rows;
  }

  List<Summary.BadRow> badRows() {
    return badRows;
  }

  /** Writes a row given in canonical field order; returns the line it starts on. */
  int row(String[] fields, String extra) {
    int start = line;
    List<String> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      String v = c.field() < 0 ? extra : fields[c.field()];
      out.add(c.field() < 0 ? nz(v) : padded(v));
    }
    appendRecord(out);
    rows++;
    return start;
  }

  /** Writes a bad row (canonical order) and records it with its reason. */
  void bad(String reason, String[] fields, String extra) {
    int start = line;
    List<String> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      out.add(nz(c.field() < 0 ? extra : fields[c.field()]));
    }
    appendRecord(out);
    rows++;
    badRows.add(new Summary.BadRow(source, name, start, reason));
  }

  /** Writes a bad row whose fields are given as written (e.g. too few of them). */
  void badRaw(String reason, List<String> written) {
    int start = line;
    appendRecord(written);
    rows++;
    badRows.add(new Summary.BadRow(source, name, start, reason));
  }

  /** Writes an entirely blank line. */
  void blankLine() {
    text.append(eol);
    line++;
  }

  /** Canonical fields in output column order (for building raw bad rows). */
  List<String> layout(String[] fields, String extra) {
    List<String> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      out.add(nz(c.field() < 0 ? extra : fields[c.field()]));
    }
    return out;
  }

  byte[] bytes() {
    String s = text.toString();
    if (!finalNewline && s.endsWith(eol)) {
      s = s.substring(0, s.length() - eol.length());
    }
    if (bom) {
      s = "\uFEFF" + s;
    }
    return s.getBytes(charset);
  }

  String encodingLabel() {
    String cs = charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 BOM" : "UTF-8") : "GB18030";
    return cs + ", " + (eol.equals("\r\n") ? "CRLF" : "LF");
  }

  private static String nz(String v) {
    return v == null ? "" : v;
  }

  private String padded(String v) {
    if (padRandom == null) {
      return nz(v);
    }
    if (v == null || v.isEmpty()) {
      return padRandom.nextDouble() < blankAsSpaceRate ? "\u3000" : "";
    }
    if (padRandom.nextDouble() >= padRate) {
      return v;
    }
    return switch (padRandom.nextInt(4)) {
      case 0 -> " " + v;
      case 1 -> v + "  ";
      case 2 -> "\u3000" + v;
      default -> v + "\u3000";
    };
  }

  private void appendRecord(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      String f = fields.get(i);
      boolean quote = quoteAll || needsQuotes(f);
      if (quote) {
        text.append('"');
        for (int k = 0; k < f.length(); k++) {
          char c = f.charAt(k);
          if (c == '"') {
            text.append('"');
          } else if (c == '\n') {
            line++;
          }
          text.append(c);
        }
        text.append('"');
      } else {
        text.append(f);
      }
    }
    text.append(eol);
    line++;
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
