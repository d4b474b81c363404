package org.ruralstats.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.IndicatorsWorkbook;
import org.ruralstats.export.Outputs;
import org.ruralstats.indicators.IndicatorCatalogue;

/**
 * The indicator workbook read back with POI and compared cell by cell with the CSV export, and the
 * export filters (the unfiltered CSV keeps its golden bytes).
 */
class WorkbookAndFiltersTest {
  @TempDir Path tmp;

  private List<String[]> csv(ExportFilter filter) throws Exception {
    Path out = tmp.resolve("i-" + System.nanoTime() + ".csv");
    Outputs.find("indicators", "csv").write(SmallWarehouse.tables(), filter, out.toString());
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  @Test
  void unfilteredCsvKeepsTheGoldenBytes() throws Exception {
    Path out = tmp.resolve("indicators.csv");
    Outputs.find("indicators", "csv")
        .write(SmallWarehouse.tables(), ExportFilter.NONE, out.toString());
    assertArrayEquals(
        Files.readAllBytes(Path.of("data-samples/small-landing.expected-indicators.csv")),
        Files.readAllBytes(out));
  }

  @Test
  void filtersKeepOnlyTheAskedRows() throws Exception {
    List<String[]> all = csv(ExportFilter.NONE);
    List<String[]> some = csv(new ExportFilter(2024, "township", "141123105000"));
    assertEquals(String.join(",", all.get(0)), String.join(",", some.get(0)), "same columns");
    long expected =
        all.stream()
            .skip(1)
            .filter(r -> r[3].equals("2024") && r[2].equals("township"))
            .filter(r -> r[1].equals("141123105000"))
            .count();
    assertTrue(expected > 0);
    assertEquals(expected, some.size() - 1);
    List<String[]> under = csv(new ExportFilter(null, null, "141123105000"));
    assertTrue(under.stream().skip(1).allMatch(r -> r[1].startsWith("141123105")));
    assertTrue(under.stream().skip(1).anyMatch(r -> r[2].equals("village")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExportFilter(null, "town", null).validated(),
        "an unknown level is refused");
  }

  @Test
  void workbookMatchesTheCsvCellByCell() throws Exception {
    Path xlsx = tmp.resolve("indicators.xlsx");
    Outputs.find("indicators", "xlsx")
        .write(SmallWarehouse.tables(), ExportFilter.NONE, xlsx.toString());
    List<String[]> rows = csv(ExportFilter.NONE);
    String[] header = rows.get(0);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(3, wb.getNumberOfSheets());
      Sheet longSheet = wb.getSheet(IndicatorsWorkbook.LONG);
      assertEquals(rows.size(), longSheet.getLastRowNum() + 1, "one row per CSV row");
      for (int c = 0; c < header.length; c++) {
        assertEquals(header[c], longSheet.getRow(0).getCell(c).getStringCellValue());
      }
      Map<String, String[]> byKey = new HashMap<>();
      for (int r = 1; r < rows.size(); r++) {
        String[] csv = rows.get(r);
        byKey.put(csv[0] + "|" + csv[1] + "|" + csv[3], csv);
        org.apache.poi.ss.usermodel.Row x = longSheet.getRow(r);
        for (int c = 0; c < header.length; c++) {
          Cell cell = x.getCell(c);
          if (c <= 2) {
            assertEquals(csv[c], cell.getStringCellValue(), "row " + r + " col " + header[c]);
          } else if (csv[c].isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, "row " + r);
          } else {
            assertEquals(CellType.NUMERIC, cell.getCellType(), "numbers typed as numbers");
            assertEquals(
                0,
                new BigDecimal(csv[c]).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                "row " + r + " col " + header[c]);
          }
        }
      }
      Sheet wide = wb.getSheet(IndicatorsWorkbook.WIDE);
      IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
      assertEquals(
          "参保率（%）",
          wide.getRow(0)
              .getCell(4 + catalogue.codes().indexOf("INS_COVERAGE"))
              .getStringCellValue());
      String previous = "";
      int checked = 0;
      for (int r = 1; r <= wide.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row x = wide.getRow(r);
        String area = x.getCell(0).getStringCellValue();
        assertTrue(area.compareTo(previous) >= 0, "hierarchy order");
        previous = area;
        int year = (int) x.getCell(3).getNumericCellValue();
        for (int i = 0; i < catalogue.codes().size(); i++) {
          String[] csv = byKey.get(catalogue.codes().get(i) + "|" + area + "|" + year);
          Cell cell = x.getCell(4 + i);
          if (csv == null || csv[6].isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK);
          } else {
            assertEquals(
                0,
                new BigDecimal(csv[6]).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())));
            checked++;
          }
        }
      }
      assertEquals(
          rows.size() - 1 - blankValues(rows), checked, "every value is in the wide sheet");
      assertEquals("兴县", wide.getRow(1).getCell(1).getStringCellValue());
      assertEquals(
          catalogue.indicators().size(),
          wb.getSheet(IndicatorsWorkbook.DEFINITIONS).getLastRowNum());
      assertNull(wide.getRow(0).getCell(4 + catalogue.codes().size()));
    }
  }

  private static long blankValues(List<String[]> rows) {
    return rows.stream().skip(1).filter(r -> r[6].isEmpty()).count();
  }
}
