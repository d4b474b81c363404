package org.ruralstats.ingest;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.ColumnType;
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
  private final Broadcast<Map<String, Set<String>>> villageBroadcast;
  private final Pseudonymizer pseudonymizer;
  private final Set<String> knownFiles;
  private final RowChecks checks;

  /**
   * A parser whose village dictionaries travel with it (tests, a handful of codes).
   *
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
    this(spec, villageCodes, null, pseudonymizer, knownFiles);
  }

  /**
   * A parser whose village dictionaries are a broadcast variable: sent to each executor once, not
   * with every task.
   */
  public SourceFileParser(
      SourceSpec spec,
      Broadcast<Map<String, Set<String>>> villageCodes,
      Pseudonymizer pseudonymizer,
      Set<String> knownFiles) {
    this(spec, null, villageCodes, pseudonymizer, knownFiles);
  }

  private SourceFileParser(
      SourceSpec spec,
      Map<String, Set<String>> villageCodes,
      Broadcast<Map<String, Set<String>>> villageBroadcast,
      Pseudonymizer pseudonymizer,
      Set<String> knownFiles) {
    this.spec = spec;
    this.villageCodes = villageCodes;
    this.villageBroadcast = villageBroadcast;
    this.pseudonymizer = pseudonymizer;
    this.knownFiles = knownFiles;
    this.checks = new RowChecks(spec);
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
    return HexFormat.of().formatHex(newSha256().digest(content));
  }

  /** A new SHA-256 digest (every JVM has the algorithm). */
  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses one file held whole (a zero-byte file, or a test's content); a landing file of any size
   * is parsed in chunks instead ({@link #parseChunk}), with the same records.
   *
   * @param county the county folder the file came from ({@code ""} in a one-county landing folder)
   * @param fileName the file's name
   * @param content its bytes
   */
  public Iterator<Row> parse(String county, String fileName, byte[] content) {
    String hash = sha256(content);
    if (isKnown(county, fileName, hash)) {
      return unchanged(county, fileName, hash);
    }
    DecodedText decoded;
    try {
      decoded = DecodedText.decode(content);
    } catch (FieldFault f) {
      return rejected(county, fileName, hash, null, f);
    }
    return records(
        county, fileName, hash, decoded.encoding(), new CsvRecords(decoded.text()), null);
  }

  /** Whether the file, with this content, was processed before. */
  public boolean isKnown(String county, String fileName, String hash) {
    return knownFiles.contains(fileIdentity(county, fileName, hash));
  }

  /** The record of a file processed before with the same content: nothing of it is read again. */
  public Iterator<Row> unchanged(String county, String fileName, String hash) {
    return List.of(fileRecord(county, fileName, hash, null, ParsedRecords.FILE_UNCHANGED, null))
        .iterator();
  }

  /** The record of a file rejected as a whole before its rows are read. */
  public Iterator<Row> rejected(
      String county, String fileName, String hash, String encoding, FieldFault f) {
    return List.of(fileRecord(county, fileName, hash, encoding, ParsedRecords.FILE_REJECTED, f))
        .iterator();
  }

  /**
   * The record of a file valid neither in UTF-8 nor in GB18030 ({@link FileScan} found it so).
   *
   * @param bom whether the file starts with a UTF-8 byte-order mark
   */
  public Iterator<Row> badEncoding(String county, String fileName, String hash, boolean bom) {
    return rejected(county, fileName, hash, null, DecodedText.fault(bom));
  }

  /**
   * Parses one chunk of a file ({@link FileScan}): a run of whole records. The first chunk yields
   * the file's record (processed, or rejected for its header) and its rows; a later one only its
   * rows, checked against the header it is given, and nothing when that header is bad (the first
   * chunk reports it).
   *
   * @param hash the whole file's SHA-256
   * @param encoding the whole file's encoding
   * @param header null for the first chunk; else the bytes of the file's header line (without a
   *     byte-order mark)
   * @param chunk the chunk's bytes (the first without a byte-order mark)
   * @param linesBefore line breaks in the file before the chunk
   */
  public Iterator<Row> parseChunk(
      String county,
      String fileName,
      String hash,
      String encoding,
      byte[] header,
      byte[] chunk,
      int linesBefore) {
    CsvRecords records = new CsvRecords(DecodedText.text(chunk, encoding), linesBefore);
    if (header == null) {
      return records(county, fileName, hash, encoding, records, null);
    }
    CsvRecords headerRecords = new CsvRecords(DecodedText.text(header, encoding));
    try {
      if (!headerRecords.hasNext()) {
        return Collections.emptyIterator();
      }
      return records(
          county, fileName, hash, encoding, records, CsvHeader.of(spec, headerRecords.next()));
    } catch (FieldFault f) {
      return Collections.emptyIterator();
    }
  }

  /**
   * The records of a file or chunk: with {@code header} null, the first record is the header and
   * the file's own record comes first; else only the rows, read with {@code header}.
   */
  private Iterator<Row> records(
      String county,
      String fileName,
      String hash,
      String encoding,
      CsvRecords records,
      CsvHeader given) {
    Row fileRow = null;
    CsvHeader header = given;
    if (header == null) {
      if (!records.hasNext()) {
        return rejected(
            county,
            fileName,
            hash,
            encoding,
            new FieldFault(RejectCode.EMPTY_FILE, "the file is empty: it has no header row"));
      }
      try {
        header = CsvHeader.of(spec, records.next());
      } catch (FieldFault f) {
        return rejected(county, fileName, hash, encoding, f);
      }
      fileRow = fileRecord(county, fileName, hash, encoding, ParsedRecords.FILE_PROCESSED, null);
    }
    CsvHeader h = header;
    Row first = fileRow;
    return new Iterator<>() {
      private boolean fileRowSent = first == null;

      @Override
      public boolean hasNext() {
        return !fileRowSent || records.hasNext();
      }

      @Override
      public Row next() {
        if (!fileRowSent) {
          fileRowSent = true;
          return first;
        }
        if (!records.hasNext()) {
          throw new NoSuchElementException();
        }
        return rowRecord(county, fileName, hash, encoding, h, records.next());
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
      CsvHeader header,
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
    Set<String> villages =
        (villageBroadcast != null ? villageBroadcast.value() : villageCodes)
            .getOrDefault(county, Set.of());
    RowChecks.Result checked = checks.check(header, fields, villages);
    if (!checked.accepted()) {
      RowChecks.Fault first = checked.faults().get(0);
      return rejected(
          county,
          file,
          hash,
          encoding,
          rec.line(),
          raw,
          first.column(),
          first.code(),
          checked.reason());
    }
    Map<String, String> values = checked.values();
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
}
