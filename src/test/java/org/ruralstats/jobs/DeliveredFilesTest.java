package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.quality.FileLedger;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The ledger comes to the driver only for the files the landing folder holds now: entries of files
 * gone from it stay on the executors, yet still count for the landing folder's layout check.
 */
class DeliveredFilesTest {
  private static final SourceContract CONTRACT = SourceContract.standard();

  @TempDir Path tmp;

  private static Row entry(String county, String source, String name, String hash) {
    return RowFactory.create(
        county, source, name, hash, "UTF-8", FileLedger.ACCEPTED, null, null, 1L, 1L, 0L, "r1");
  }

  private Warehouse warehouseWith(Row... ledger) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh").toString());
    wh.append(
        Warehouse.FILE_LEDGER,
        TestSpark.session().createDataFrame(List.of(ledger), FileLedger.SCHEMA));
    return wh;
  }

  private LandingFolder landingWith(String... files) throws IOException {
    Path landing = tmp.resolve("landing");
    for (String f : files) {
      Path p = landing.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "year\n2024\n");
    }
    return new LandingFolder(TestSpark.session(), landing.toString(), CONTRACT.names());
  }

  @Test
  void onlyTheEntriesOfFilesInTheLandingFolderAreRead() throws IOException {
    Warehouse wh =
        warehouseWith(
            entry("", "insurance", "a.csv", "h1"),
            entry("", "insurance", "a.csv", "h0"), // an earlier version of the same name
            entry("", "insurance", "gone.csv", "h2"),
            entry("", "roster", "a.csv", "h3"));
    LandingFolder landing = landingWith("insurance/a.csv", "roster/b.csv");

    DeliveredFiles delivered = DeliveredFiles.read(wh, landing, CONTRACT);

    assertEquals(
        Set.of(
            SourceFileParser.fileIdentity("", "a.csv", "h1"),
            SourceFileParser.fileIdentity("", "a.csv", "h0")),
        delivered.known("insurance"));
    assertEquals(Set.of(), delivered.known("roster"));
    assertNotNull(delivered.entry("insurance", "", "a.csv", "h1"));
    assertNull(delivered.entry("insurance", "", "gone.csv", "h2"), "gone: not read");
    delivered.checkLayout(landing, CONTRACT); // one-county ledger, one-county landing folder
  }

  @Test
  void theLayoutCheckSeesEntriesOfFilesNoLongerDelivered() throws IOException {
    Warehouse wh = warehouseWith(entry("141123000000", "insurance", "gone.csv", "h2"));
    LandingFolder landing = landingWith("insurance/a.csv");

    DeliveredFiles delivered = DeliveredFiles.read(wh, landing, CONTRACT);

    assertEquals(Set.of(), delivered.known("insurance"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> delivered.checkLayout(landing, CONTRACT));
    assertTrue(e.getMessage().contains("built from county folders"), e.getMessage());
  }
}
