package org.ruralstats.indicators;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an indicator's figures are: a count, an amount of money, or a rate (a percentage of a
 * numerator over a denominator).
 */
public enum IndicatorKind {
  /** A number of persons, households, rooms, projects or payments; value = numerator. */
  COUNT,
  /** A sum of money (yuan or 万元) with two decimals; value = numerator. */
  AMOUNT,
  /** 100 × numerator / denominator, rounded half-up to two decimals; empty when d = 0. */
  RATE;

  /** The spelling used in the catalogue and in the published table: {@code count}, … */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a catalogue spelling.
   *
   * @throws IllegalArgumentException naming the known kinds when {@code code} is not one of them
   */
  @JsonCreator
  public static IndicatorKind fromCode(String code) {
    for (IndicatorKind kind : values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '"
            + code
            + "'; use one of "
            + Arrays.stream(values()).map(IndicatorKind::code).collect(Collectors.joining(", ")));
  }
}
