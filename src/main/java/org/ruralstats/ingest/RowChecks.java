package org.ruralstats.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.RowRule;
import org.ruralstats.ingest.contract.SourceSpec;

/**
 * The contract's checks of one CSV row of a source, field by field and then its row rules: each
 * column's value trimmed, defaulted, required or normalized ({@link FieldValues}), then the rules
 * across columns when every field passed. Runs on the executors; holds only the source's spec.
 */
final class RowChecks implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One fault: the column as the file shows it, the reason code and what is wrong. */
  record Fault(String column, RejectCode code, String message) {}

  /**
   * A checked row: its normalized values by contract column (absent when empty and optional), and
   * its faults in column order (empty when the row is accepted).
   */
  record Result(Map<String, String> values, List<Fault> faults) {
    boolean accepted() {
      return faults.isEmpty();
    }

    /** Every fault as "column: message", joined by "; " (the reject reason). */
    String reason() {
      StringBuilder reason = new StringBuilder();
      for (Fault f : faults) {
        if (reason.length() > 0) {
          reason.append("; ");
        }
        reason.append(f.column()).append(": ").append(f.message());
      }
      return reason.toString();
    }
  }

  private final SourceSpec spec;

  RowChecks(SourceSpec spec) {
    this.spec = spec;
  }

  /**
   * Checks a row whose field count matches the header.
   *
   * @param villages the village codes of the row's county (a village code must be one of them)
   */
  Result check(CsvHeader header, List<String> fields, Set<String> villages) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Fault> faults = new ArrayList<>();
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
              new Fault(
                  header.shown(col), RejectCode.MISSING_VALUE, "the value is empty but required"));
        }
        continue;
      }
      try {
        values.put(col.name(), FieldValues.normalize(col, v, villages));
      } catch (FieldFault f) {
        faults.add(new Fault(header.shown(col), f.code(), f.getMessage()));
      }
    }
    if (faults.isEmpty()) {
      for (RowRule rule : spec.rules()) {
        String msg = checkRule(rule, values);
        if (msg != null) {
          ColumnSpec col = spec.column(rule.column()).orElseThrow();
          faults.add(new Fault(header.shown(col), RejectCode.RULE_VIOLATION, msg));
        }
      }
    }
    return new Result(values, faults);
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
}
