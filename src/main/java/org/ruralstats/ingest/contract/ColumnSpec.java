package org.ruralstats.ingest.contract;

import java.io.Serializable;
import java.util.List;

/**
 * One column of a source as the contract describes it: canonical and Chinese header, type, and the
 * constraints its values must meet.
 *
 * @param name canonical column name (matched in any letter case)
 * @param zh Chinese header (matched exactly, after trimming)
 * @param type value type
 * @param optional whether the column may be absent from the file or empty in a row
 * @param min smallest allowed integer, or null
 * @param max largest allowed integer, or null
 * @param positive for amounts: the value must be greater than zero
 * @param defaultValue value used when the field is empty, or null
 * @param cleanName column name in the clean table
 * @param values allowed values of an enum column
 */
public record ColumnSpec(
    String name,
    String zh,
    ColumnType type,
    boolean optional,
    Long min,
    Long max,
    boolean positive,
    String defaultValue,
    String cleanName,
    List<EnumValue> values)
    implements Serializable {

  public ColumnSpec {
    values = values == null ? List.of() : List.copyOf(values);
    if (cleanName == null || cleanName.isBlank()) {
      cleanName = name;
    }
  }

  /** How the column is shown to a user: {@code 身份证号 (person_id)}. */
  public String display() {
    return zh + " (" + name + ")";
  }
}
