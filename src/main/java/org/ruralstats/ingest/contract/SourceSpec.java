package org.ruralstats.ingest.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One source of the landing folder as the contract describes it: its folder name, columns, key and
 * row rules.
 *
 * @param name folder name in the landing folder and name of the clean table
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param grain one sentence: what one row of the clean table is
 * @param key canonical names of the key columns (the newest valid row per key wins)
 * @param columns the columns, in contract order
 * @param rules rules across columns of a row
 */
public record SourceSpec(
    String name,
    String titleZh,
    String titleEn,
    String grain,
    List<String> key,
    List<ColumnSpec> columns,
    List<RowRule> rules)
    implements Serializable {

  public SourceSpec {
    key = List.copyOf(key);
    columns = List.copyOf(columns);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** The column with this canonical name, if any. */
  public Optional<ColumnSpec> column(String canonicalName) {
    return columns.stream().filter(c -> c.name().equals(canonicalName)).findFirst();
  }

  /** The clean-table names of the key columns. */
  public List<String> cleanKey() {
    return key.stream().map(k -> column(k).orElseThrow().cleanName()).toList();
  }
}
