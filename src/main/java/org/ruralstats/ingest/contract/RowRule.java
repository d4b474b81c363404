package org.ruralstats.ingest.contract;

import java.io.Serializable;

/**
 * A rule across the columns of one row.
 *
 * @param kind {@link Kind#REQUIRED_WHEN}: {@code column} must be set when {@code other} is set;
 *     {@link Kind#NOT_BEFORE}: date {@code column} must not be before date {@code other}
 * @param column the column the rule constrains (and that a violation is reported on)
 * @param other the column the rule refers to
 */
public record RowRule(Kind kind, String column, String other) implements Serializable {

  /** The kinds of row rules the contract uses. */
  public enum Kind {
    REQUIRED_WHEN,
    NOT_BEFORE
  }
}
