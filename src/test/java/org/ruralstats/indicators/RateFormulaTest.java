package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rate's formula of count codes, parsed and turned into the counts' own aggregates. */
class RateFormulaTest {
  private static final Map<String, String> COUNTS =
      Map.of(
          "A", "COUNT_IF(x IN ('a)', 'b'))",
          "B", "COUNT(*)",
          "C", "COUNT_IF(p) - COUNT_IF(q)",
          "D", "SUM(rooms) FILTER (WHERE done)");

  @Test
  void codesJoinedByPlusOrMinusAreAFormula() {
    assertEquals(List.of("A"), RateFormula.parse(" A ").orElseThrow().codes());
    RateFormula f = RateFormula.parse("A-B +C").orElseThrow();
    assertEquals(List.of("A", "B", "C"), f.codes());
    assertEquals(
        List.of(
            new RateFormula.Term(false, "A"),
            new RateFormula.Term(true, "B"),
            new RateFormula.Term(false, "C")),
        f.terms());
    for (String notOne :
        List.of("", "COUNT(*)", "a", "A B", "A -", "- A", "A * B", "(A - B)", "A - count")) {
      assertTrue(RateFormula.parse(notOne).isEmpty(), notOne);
    }
  }

  @Test
  void eachCodeBecomesItsAggregateInParenthesesUnlessItIsOneCall() {
    assertEquals(
        "COUNT_IF(x IN ('a)', 'b')) - COUNT(*)",
        RateFormula.parse("A - B").orElseThrow().sql(COUNTS::get));
    assertEquals(
        "COUNT(*) - (COUNT_IF(p) - COUNT_IF(q)) + (SUM(rooms) FILTER (WHERE done))",
        RateFormula.parse("B - C + D").orElseThrow().sql(COUNTS::get));
    assertTrue(RateFormula.oneCall("COUNT_IF(x IN ('a)', 'b'))"));
    assertFalse(RateFormula.oneCall("COUNT_IF(p) - COUNT_IF(q)"));
    assertFalse(RateFormula.oneCall("(COUNT(*))"));
    assertFalse(RateFormula.oneCall("SUM(rooms) FILTER (WHERE done)"));
  }
}
