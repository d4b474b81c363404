package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.ruralstats.support.TestSpark;

/**
 * The rate value expression on its own, over literal numerators and denominators: 100 × n / d
 * rounded half-up to two decimals, exactly. Expected values worked out by hand (long division).
 */
class RatePercentTest {

  @Test
  void roundsHalfUpExactly() {
    String[][] cases = {
      // numerator, denominator, expected value ("null" for empty)
      {"1", "8", "12.50"}, // 12.5
      {"1", "800", "0.13"}, // 0.125: the tie rounds up
      {"2", "3", "66.67"}, // 66.666…
      {"1", "3", "33.33"}, // 33.333…
      {"5", "6", "83.33"}, // 83.333…
      {"1", "32", "3.13"}, // 3.125
      {"1", "20000", "0.01"}, // 0.005
      {"1", "200000", "0.00"}, // 0.0005
      // double arithmetic fails here: 23.0 / 160 * 100 = 14.374999999999998 -> 14.37
      {"23", "160", "14.38"}, // 14.375
      // and here: Math.round(100.0 * 201 / 20000 * 100) / 100.0 = 1.0
      {"201", "20000", "1.01"}, // 1.005
      // rounding the decimal quotient to 6 places first (0.125000) would give 0.13
      {"10000", "8000001", "0.12"}, // 0.1249999843…
      {"6799", "6800", "99.99"}, // 99.985…
      {"67999999", "68000000", "100.00"}, // 99.9999985…
      {"29999999", "30000000", "100.00"}, // 99.9999966…
      {"0", "5", "0.00"},
      {"5", "5", "100.00"},
      {"0.01", "3.00", "0.33"}, // amounts work too: 0.333…
      {"1234567.89", "7654321.01", "16.13"}, // 16.1289…
      {"7", "0", "null"}, // empty when the denominator is 0
      {"0", "0", "null"},
    };
    List<String> rows = new ArrayList<>();
    for (String[] c : cases) {
      rows.add(
          "(CAST("
              + c[0]
              + " AS DECIMAL(38,2)), CAST("
              + c[1]
              + " AS DECIMAL(38,2)), "
              + rows.size()
              + ")");
    }
    List<Row> result =
        TestSpark.sql(
            "SELECT n, d, %s AS value FROM VALUES %s AS t(n, d, i) ORDER BY i",
            IndicatorSql.ratePercent("n", "d"), String.join(", ", rows));
    String expected =
        java.util.Arrays.stream(cases)
            .map(c -> c[0] + "/" + c[1] + "=" + c[2])
            .collect(Collectors.joining("\n"));
    String actual =
        java.util.stream.IntStream.range(0, cases.length)
            .mapToObj(
                i ->
                    cases[i][0]
                        + "/"
                        + cases[i][1]
                        + "="
                        + (result.get(i).isNullAt(2)
                            ? "null"
                            : result.get(i).getDecimal(2).toPlainString()))
            .collect(Collectors.joining("\n"));
    assertEquals(expected, actual);
    assertEquals(
        "DecimalType(38,2)",
        TestSpark.session()
            .sql(
                "SELECT "
                    + IndicatorSql.ratePercent(
                        "CAST(1 AS DECIMAL(38,2))", "CAST(8 AS DECIMAL(38,2))"))
            .schema()
            .fields()[0]
            .dataType()
            .toString());
  }
}
