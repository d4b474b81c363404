package org.ruralstats.export;

import java.util.List;
import java.util.stream.Collectors;
import org.ruralstats.report.ReportWriter;

/** Every output writer, registered in one place and chosen by table and format. */
public final class Outputs {
  /** The registered writers. */
  public static final List<OutputWriter> WRITERS =
      List.of(
          new IndicatorsExport.Csv(),
          new IndicatorsWorkbook(),
          new RejectsExport.Csv(),
          new OrphansExport(),
          new ReportWriter());

  private Outputs() {}

  /**
   * The writer of {@code table} in {@code format}.
   *
   * @throws IllegalArgumentException listing the outputs there are
   */
  public static OutputWriter find(String table, String format) {
    return WRITERS.stream()
        .filter(w -> w.table().equals(table) && w.format().equals(format))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "there is no output of table '"
                        + table
                        + "' as '"
                        + format
                        + "'; the outputs are "
                        + WRITERS.stream()
                            .map(w -> "--table " + w.table() + " --format " + w.format())
                            .collect(Collectors.joining(", "))));
  }
}
