package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's headline marks and targets: their order, their checks, their meaning. */
class CatalogueHeadlinesTest {

  private static String bundledText() throws IOException {
    try (InputStream in =
        IndicatorCatalogue.class
            .getClassLoader()
            .getResourceAsStream(IndicatorCatalogue.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void headlinesInTheirDeclaredOrder() {
    List<String> codes =
        IndicatorCatalogue.bundled().headlines().stream().map(IndicatorDefinition::code).toList();
    assertEquals(10, codes.size(), codes.toString());
    assertEquals("INS_COVERAGE", codes.get(0));
    assertEquals("EDU_PRESCHOOL_AID_TIMES", codes.get(9));
  }

  @Test
  void targetsSayWhichSideIsMissed() {
    IndicatorTarget coverage =
        IndicatorCatalogue.bundled().indicator("INS_ALLEVIATED_COVERAGE").orElseThrow().target();
    assertEquals("应保尽保", coverage.source());
    assertTrue(coverage.missedBy(new BigDecimal("99.99")));
    assertFalse(coverage.missedBy(new BigDecimal("100.00")));
    assertFalse(coverage.missedBy(null), "a rate over zero persons misses nothing");
    IndicatorTarget dropouts =
        IndicatorCatalogue.bundled().indicator("EDU_COMPULSORY_DROPOUTS").orElseThrow().target();
    assertTrue(dropouts.missedBy(BigDecimal.ONE));
    assertFalse(dropouts.missedBy(BigDecimal.ZERO));
  }

  @Test
  void aHeadlinePlaceUsedTwiceAndAnIncompleteTargetAreNamed() throws IOException {
    String yaml =
        bundledText()
            .replaceFirst("headline: 2\n", "headline: 1\n")
            .replaceFirst("source: \"应资尽资\"", "source: \"\"");
    IndicatorCatalogueException e =
        assertThrows(IndicatorCatalogueException.class, () -> IndicatorCatalogue.parse(yaml, "t"));
    assertTrue(e.getMessage().contains("headline place 1 is already taken"), e.getMessage());
    assertTrue(e.getMessage().contains("target.source is missing"), e.getMessage());
    String wrong = bundledText().replaceFirst("direction: at_most", "direction: below");
    IndicatorCatalogueException w =
        assertThrows(IndicatorCatalogueException.class, () -> IndicatorCatalogue.parse(wrong, "t"));
    assertTrue(w.getMessage().contains("at_least, at_most"), w.getMessage());
  }
}
