package org.ruralstats.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.SourceSpec;

/** The header of a file mapped to the contract's columns. */
final class CsvHeader implements Serializable {
  private final List<String> names;
  private final Map<String, Integer> indexByColumn;
  private final Map<String, String> shownByColumn;

  private CsvHeader(List<String> names, Map<String, Integer> idx, Map<String, String> shown) {
    this.names = names;
    this.indexByColumn = idx;
    this.shownByColumn = shown;
  }

  static CsvHeader of(SourceSpec spec, CsvRecords.Record rec) throws FieldFault {
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
    return new CsvHeader(Collections.unmodifiableList(names), idx, shown);
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
