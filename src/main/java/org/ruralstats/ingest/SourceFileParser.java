package org.ruralstats.ingest;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.ColumnType;
import org.ruralstats.ingest.contract.RowRule;
import org.ruralstats.ingest.contract.SourceSpec;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Parses and checks one landing file of one source against the contract, yielding {@link
 * ParsedRecords} rows lazily (a million-row file is never held as rows in memory). Runs on the
 * executors; holds only serializable state.
 */
public final class SourceFileParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SourceSpec spec;
  private final Map<String, Set<String>> villageCodes;
  private final Pseudonymizer pseudonymizer;
  private final Set<String> knownFiles;

  /**
   * @param spec the source
   * @param villageCodes village codes of each county's division dictionary, by county (the village
   *     code of a row is checked against its own county's dictionary only)
   * @param pseudonymizer replaces ID numbers
   * @param knownFiles {@link #fileIdentity} of every file of this source already processed
   */
  public SourceFileParser(
      SourceSpec spec,
      Map<String, Set<String>> villageCodes,
      Pseudonymizer pseudonymizer,
      Set<String> knownFiles) {
    this.spec = spec;
    this.villageCodes = villageCodes;
    this.pseudonymizer = pseudonymizer;
    this.knownFiles = knownFiles;
  }

  private static final java.util.regex.Pattern ID_LIKE =
      java.util.regex.Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");

  /**
   * Hides anything shaped like an ID number (18 characters, or an old 15-digit one) in a text that
   * is stored outside the raw zone, e.g. an ID delivered in the wrong column, and cuts long quoted
   * values ({@link ReasonText}).
   */
  public static String maskIds(String text) {
    if (text == null) {
      return null;
    }
    String masked = ID_LIKE.matcher(text).replaceAll("<ID number hidden>");
    return ID_LIKE.matcher(ReasonText.cut(masked)).replaceAll("<ID number hidden>");
  }

  /** How the ledger identifies a delivered file: its county folder, name and content hash. */
  public static String fileIdentity(String county, String fileName, String contentHash) {
    return county + "\u0000" + fileName + "\u0000" + contentHash;
  }

  /** SHA-256 of file content, as hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses one file.
   *
   * @param county the county folder the file came from ({@code ""} in a one-county landing folder)
   * @param fileName the file's name
   * @param content its bytes
   */
  public Iterator<Row> parse(String county, String fileName, byte[] content) {
    String hash = sha256(content);
    if (knownFiles.contains(fileIdentity(county, fileName, hash))) {
      return List.of(fileRecord(county, fileName, hash, null, ParsedRecords.FILE_UNCHANGED, null))
          .iterator();
    }
    DecodedText decoded;
    try {
      decoded = DecodedText.decode(content);
    } catch (FieldFault f) {
      return List.of(fileRecord(county, fileName, hash, null, ParsedRecords.FILE_REJECTED, f))
          .iterator();
    }
    CsvRecords records = new CsvRecords(decoded.text());
    if (!records.hasNext()) {
      FieldFault f =
          new FieldFault(RejectCode.EMPTY_FILE, "the file is empty: it has no header row");
      return List.of(
              fileRecord(
                  county, fileName, hash, decoded.encoding(), ParsedRecords.FILE_REJECTED, f))
          .iterator();
    }
    CsvRecords.Record headerRecord = records.next();
    Header header;
    try {
      header = Header.of(spec, headerRecord);
    } catch (FieldFault f) {
      return List.of(
              fileRecord(
                  county, fileName, hash, decoded.encoding(), ParsedRecords.FILE_REJECTED, f))
          .iterator();
    }
    Row fileRow =
        fileRecord(county, fileName, hash, decoded.encoding(), ParsedRecords.FILE_PROCESSED, null);
    return new Iterator<>() {
      private boolean fileRowSent;

      @Override
      public boolean hasNext() {
        return !fileRowSent || records.hasNext();
      }

      @Override
      public Row next() {
        if (!fileRowSent) {
          fileRowSent = true;
          return fileRow;
        }
        if (!records.hasNext()) {
          throw new NoSuchElementException();
        }
        return rowRecord(county, fileName, hash, decoded.encoding(), header, records.next());
      }
    };
  }

  private Row fileRecord(
      String county, String file, String hash, String encoding, String status, FieldFault f) {
    return ParsedRecords.row(
        county,
        spec.name(),
        file,
        hash,
        encoding,
        ParsedRecords.KIND_FILE,
        null,
        null,
        null,
        null,
        f == null ? null : f.code().name(),
        f == null ? null : maskIds(f.getMessage()),
        status);
  }

  private Row rowRecord(
      String county,
      String file,
      String hash,
      String encoding,
      Header header,
      CsvRecords.Record rec) {
    if (rec.fields() == null) {
      return rejected(
          county,
          file,
          hash,
          encoding,
          rec.line(),
          null,
          null,
          RejectCode.MALFORMED_CSV,
          "the row is not valid CSV (" + rec.error() + "); check its quotes");
    }
    List<String> fields = rec.fields();
    Map<String, String> raw = header.rawFields(fields);
    if (fields.size() != header.size()) {
      return rejected(
          county,
          file,
          hash,
          encoding,
          rec.line(),
          raw,
          null,
          RejectCode.FIELD_COUNT,
          "the row has "
              + fields.size()
              + " fields but the header has "
              + header.size()
              + "; check for a missing or extra comma, or an unquoted comma in a value");
    }
    Set<String> villages = villageCodes.getOrDefault(county, Set.of());
    Map<String, String> values = new LinkedHashMap<>();
    List<String[]> faults = new ArrayList<>(); // {column shown, code, message}
    for (ColumnSpec col : spec.columns()) {
      Integer idx = header.index(col.name());
      String v = idx == null ? null : FieldValues.trim(fields.get(idx));
      if (v != null && v.isEmpty()) {
        v = null;
      }
      if (v == null && col.defaultValue() != null) {
        v = col.defaultValue();
      }
      if (v == null) {
        if (!col.optional()) {
          faults.add(
              fault(header, col, RejectCode.MISSING_VALUE, "the value is empty but required"));
        }
        continue;
      }
      try {
        values.put(col.name(), FieldValues.normalize(col, v, villages));
      } catch (FieldFault f) {
        faults.add(fault(header, col, f.code(), f.getMessage()));
      }
    }
    if (faults.isEmpty()) {
      for (RowRule rule : spec.rules()) {
        String msg = checkRule(rule, values);
        if (msg != null) {
          faults.add(
              fault(
                  header,
                  spec.column(rule.column()).orElseThrow(),
                  RejectCode.RULE_VIOLATION,
                  msg));
        }
      }
    }
    if (!faults.isEmpty()) {
      StringBuilder reason = new StringBuilder();
      for (String[] f : faults) {
        if (reason.length() > 0) {
          reason.append("; ");
        }
        reason.append(f[0]).append(": ").append(f[2]);
      }
      return rejected(
          county,
          file,
          hash,
          encoding,
          rec.line(),
          raw,
          faults.get(0)[0],
          RejectCode.valueOf(faults.get(0)[1]),
          reason.toString());
    }
    Map<String, String> clean = new LinkedHashMap<>();
    for (ColumnSpec col : spec.columns()) {
      String v = values.get(col.name());
      if (v != null && col.type() == ColumnType.ID) {
        v = pseudonymizer.pseudonym(v);
      }
      clean.put(col.cleanName(), v);
    }
    return ParsedRecords.row(
        county,
        spec.name(),
        file,
        hash,
        encoding,
        ParsedRecords.KIND_ROW,
        rec.line(),
        CollectionConverters.asScala(raw),
        CollectionConverters.asScala(clean),
        null,
        null,
        null,
        null);
  }

  private Row rejected(
      String county,
      String file,
      String hash,
      String encoding,
      int line,
      Map<String, String> raw,
      String column,
      RejectCode code,
      String reason) {
    return ParsedRecords.row(
        county,
        spec.name(),
        file,
        hash,
        encoding,
        ParsedRecords.KIND_ROW,
        line,
        raw == null ? null : CollectionConverters.asScala(raw),
        null,
        maskIds(column),
        code.name(),
        maskIds(reason),
        null);
  }

  private static String[] fault(Header header, ColumnSpec col, RejectCode code, String message) {
    return new String[] {header.shown(col), code.name(), message};
  }

  private String checkRule(RowRule rule, Map<String, String> values) {
    String self = values.get(rule.column());
    String other = values.get(rule.other());
    ColumnSpec selfCol = spec.column(rule.column()).orElseThrow();
    ColumnSpec otherCol = spec.column(rule.other()).orElseThrow();
    switch (rule.kind()) {
      case REQUIRED_WHEN:
        if (other != null && self == null) {
          return "the value is empty but required when " + otherCol.display() + " is set";
        }
        return null;
      case NOT_BEFORE:
        // canonical dates (yyyy-MM-dd) compare correctly as strings
        if (self != null && other != null && self.compareTo(other) < 0) {
          return self + " is before " + otherCol.display() + " " + other + "; it must not be";
        }
        return null;
      default:
        throw new IllegalStateException("unhandled rule " + rule.kind() + " on " + selfCol.name());
    }
  }

  /** The header of a file mapped to the contract's columns. */
  static final class Header implements Serializable {
    private final List<String> names;
    private final Map<String, Integer> indexByColumn;
    private final Map<String, String> shownByColumn;

    private Header(List<String> names, Map<String, Integer> idx, Map<String, String> shown) {
      this.names = names;
      this.indexByColumn = idx;
      this.shownByColumn = shown;
    }

    static Header of(SourceSpec spec, CsvRecords.Record rec) throws FieldFault {
      if (rec.fields() == null) {
        throw new FieldFault(
            RejectCode.MALFORMED_CSV,
            "the header row (line " + rec.line() + ") is not valid CSV: " + rec.error());
      }
      List<String> names = new ArrayList<>();
      Map<String, Integer> idx = new LinkedHashMap<>();
      Map<String, String> shown = new LinkedHashMap<>();
      List<String> dupes = new ArrayList<>();
      for (int i = 0; i < rec.fields().size(); i++) {
        String name = FieldValues.trim(rec.fields().get(i));
        names.add(name);
        for (ColumnSpec col : spec.columns()) {
          if (col.name().equalsIgnoreCase(name) || col.zh().equals(name)) {
            if (idx.containsKey(col.name())) {
              dupes.add(
                  col.display()
                      + " is named twice ('"
                      + shown.get(col.name())
                      + "' in column "
                      + (idx.get(col.name()) + 1)
                      + " and '"
                      + name
                      + "' in column "
                      + (i + 1)
                      + ")");
            } else {
              idx.put(col.name(), i);
              shown.put(col.name(), name);
            }
          }
        }
      }
      if (!dupes.isEmpty()) {
        throw new FieldFault(
            RejectCode.DUPLICATE_COLUMN,
            String.join("; ", dupes) + "; keep one of them and deliver the file again");
      }
      List<String> missing = new ArrayList<>();
      for (ColumnSpec col : spec.columns()) {
        if (!col.optional() && !idx.containsKey(col.name())) {
          missing.add(col.display());
        }
      }
      if (!missing.isEmpty()) {
        throw new FieldFault(
            RejectCode.MISSING_COLUMN,
            "the header lacks required column(s) "
                + String.join(", ", missing)
                + " (header found: '"
                + String.join(",", names)
                + "'); name each column by its"
                + " canonical or Chinese header");
      }
      return new Header(Collections.unmodifiableList(names), idx, shown);
    }

    int size() {
      return names.size();
    }

    Integer index(String canonical) {
      return indexByColumn.get(canonical);
    }

    String shown(ColumnSpec col) {
      String s = shownByColumn.get(col.name());
      if (s == null) {
        return col.display();
      }
      return s.toLowerCase(Locale.ROOT).equals(col.name()) ? s : s + " (" + col.name() + ")";
    }

    /** The fields keyed by their header names as delivered (extras as {@code _extra_N}). */
    Map<String, String> rawFields(List<String> fields) {
      Map<String, String> raw = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        String name = i < names.size() ? names.get(i) : "_extra_" + (i + 1);
        if (name.isEmpty() || raw.containsKey(name)) {
          name = name + "_col" + (i + 1);
        }
        raw.put(name, fields.get(i));
      }
      return raw;
    }
  }
}
