package org.ruralstats.indicators;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The level an indicator should reach, declared in the catalogue, e.g. {@code {direction: at_least,
 * threshold: 100, source: 应保尽保}}: an area whose value is on the wrong side of the threshold is
 * listed under "needs attention" in the report.
 *
 * @param direction whether the value should be at least or at most the threshold
 * @param threshold the threshold, in the indicator's unit (percent for a rate)
 * @param source the policy the target comes from, shown beside the miss (e.g. 应保尽保)
 */
public record IndicatorTarget(Direction direction, BigDecimal threshold, String source) {

  /** Which side of the threshold is on target. */
  public enum Direction {
    /** On target when value ≥ threshold. */
    AT_LEAST,
    /** On target when value ≤ threshold. */
    AT_MOST;

    /** The catalogue spelling: {@code at_least} or {@code at_most}. */
    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a catalogue spelling.
     *
     * @throws IllegalArgumentException naming the known directions
     */
    @JsonCreator
    public static Direction fromCode(String code) {
      for (Direction d : values()) {
        if (d.code().equals(code)) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "unknown target direction '"
              + code
              + "'; use one of "
              + Arrays.stream(values()).map(Direction::code).collect(Collectors.joining(", ")));
    }
  }

  /** Whether {@code value} misses the target (a null value, e.g. a rate over zero, never does). */
  public boolean missedBy(BigDecimal value) {
    if (value == null) {
      return false;
    }
    int c = value.compareTo(threshold);
    return direction == Direction.AT_LEAST ? c < 0 : c > 0;
  }

  /** The target in words, e.g. {@code ≥ 100} or {@code ≤ 0}. */
  public String describe() {
    return (direction == Direction.AT_LEAST ? "≥ " : "≤ ") + threshold.toPlainString();
  }
}
