package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/indicators.md in sync with the catalogue. With {@code
 * -Dindicators.regenerateDocs=true} it writes the page instead of comparing.
 */
class CatalogueDocsTest {

  private static final Path PAGE = Path.of(CatalogueDocs.DEFAULT_OUTPUT);

  @Test
  void committedPageIsWhatTheCatalogueGenerates() throws IOException {
    String generated = CatalogueDocs.render(IndicatorCatalogue.bundled());
    if (Boolean.getBoolean(CatalogueDocs.REGENERATE_PROPERTY)) {
      CatalogueDocs.main(new String[] {PAGE.toString()});
    }
    assertTrue(
        Files.exists(PAGE),
        PAGE.toAbsolutePath()
            + " is missing; generate it with: "
            + CatalogueDocs.REGENERATE_COMMAND);
    assertEquals(
        generated,
        Files.readString(PAGE, StandardCharsets.UTF_8),
        PAGE
            + " is out of date with the catalogue; regenerate it with: "
            + CatalogueDocs.REGENERATE_COMMAND
            + " and commit it");
  }

  @Test
  void pageDocumentsEveryIndicatorAndTheCommonRules() {
    String page = CatalogueDocs.render(IndicatorCatalogue.bundled());
    for (IndicatorDefinition indicator : IndicatorCatalogue.bundled().indicators()) {
      assertTrue(page.contains("### " + indicator.code() + "\n"), indicator.code());
      assertTrue(page.contains(indicator.nameZh()), indicator.code());
    }
    assertTrue(page.contains("## Common rules"));
    assertTrue(page.contains("Driving source: `education_aid`"));
    assertTrue(page.contains("- denominator: `INS_REQUIRED` = `COUNT_IF(any_required)`"), page);
    assertTrue(
        page.contains(
            "- numerator: `MON_PERSONS - MON_ACTIVE_PERSONS`"
                + " = `COUNT_IF(any_monitored) - COUNT_IF(any_active)`"),
        page);
    assertTrue(
        page.contains("Grain (no two rows share these): `area_code`, `year`, `person_key`."), page);
  }
}
