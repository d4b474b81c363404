package org.ruralstats.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.PseudonymKey;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.ingest.FieldFault;
import org.ruralstats.ingest.FieldValues;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.ResidentId;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.privacy.Erasure;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Erasure on request: removes every row of the persons whose ID numbers a file lists (one per line;
 * never on the command line, which other users of the machine can see) from the raw zone, the
 * rejects and every clean table, republishes the indicators and records the erasure in the audit
 * table {@code meta/erasures}: all in one run under the warehouse lock, recorded in meta/runs as
 * {@code erased}. A later delivery of an erased person is set aside by the nightly job.
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = "Erase persons on request (ID numbers read from a file).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:erased and republished",
      "1:failed; every table is as it was (the message says why)",
      "3:another run holds the warehouse lock; nothing was done"
    })
public final class EraseJob implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(
      names = "--ids",
      required = true,
      description =
          "file with one ID number per line (blank lines and lines starting with # ignored)")
  Path ids;

  @Option(names = "--reason", required = true, description = "why (e.g. the request's reference)")
  String reason;

  @Option(
      names = "--export-dir",
      description = "also write indicators.csv and rejects.csv here afterwards")
  Path exportDir;

  @Option(names = "--key-file", description = "the pseudonym key in force (as for the nightly job)")
  Path keyFile;

  /** Runs the erasure from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EraseJob()).execute(args));
  }

  @Override
  public Integer call() {
    byte[] key;
    List<String> persons;
    try {
      key = PseudonymKey.resolve(keyFile, System.getenv(), new SparkConf());
      persons = readIds(ids);
    } catch (RuntimeException e) {
      System.out.println("error: " + e.getMessage());
      return RuralStatsErrors.FAILED;
    }
    SparkSession spark = SparkSessions.create("rural-stats erase", 4);
    try {
      Warehouse wh = new Warehouse(spark, warehouse);
      int code = erase(wh, key, persons, reason, System.out);
      if (code == RuralStatsErrors.OK) {
        LockedChange.writeExports(wh, exportDir);
      }
      return code;
    } finally {
      spark.stop();
    }
  }

  /**
   * Reads the ID numbers of a file: trimmed, upper-cased, each checked; duplicates once.
   *
   * @throws org.ruralstats.errors.RunFailure naming the line (never the value) of a bad ID
   */
  public static List<String> readIds(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw RuralStatsErrors.badIdsFile(
          "cannot read the file of ID numbers "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ").");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String v = FieldValues.trim(lines.get(i));
      if (v.isEmpty() || v.startsWith("#")) {
        continue;
      }
      try {
        out.add(ResidentId.normalize(v));
      } catch (FieldFault f) {
        throw RuralStatsErrors.badIdsFile(
            "line "
                + (i + 1)
                + " of "
                + file
                + " is not a valid ID number ("
                + f.getMessage()
                + "); correct it.");
      }
    }
    if (out.isEmpty()) {
      throw RuralStatsErrors.badIdsFile("the file " + file + " lists no ID number.");
    }
    return new ArrayList<>(out);
  }

  /**
   * Erases persons from a warehouse.
   *
   * @return the exit code
   */
  public static int erase(
      Warehouse wh, byte[] key, List<String> persons, String reason, PrintStream console) {
    return Heartbeat.watch(wh.spark(), console, out -> eraseWatched(wh, key, persons, reason, out));
  }

  /** {@link #erase}, its console watched by a {@link Heartbeat}. */
  private static int eraseWatched(
      Warehouse wh, byte[] key, List<String> persons, String reason, PrintStream out) {
    String why = SourceFileParser.maskIds(reason == null ? "" : reason.strip());
    if (why.isEmpty()) {
      out.println("error: --reason is empty; say why the persons are erased. Nothing was erased.");
      return RuralStatsErrors.FAILED;
    }
    String runId = RunHistory.newRunId();
    Pseudonymizer pseudonymizer = new Pseudonymizer(key);
    Erasure.Result[] result = new Erasure.Result[1];
    out.println(
        "rural-stats erasure " + runId + " of " + persons.size() + " person(s) in " + wh.root());
    int code =
        LockedChange.run(
            wh,
            pseudonymizer,
            runId,
            RunHistory.ERASED,
            out,
            (tx, lock) -> {
              result[0] = new Erasure(wh, pseudonymizer).erase(persons, runId, why);
              new IndicatorStage(wh, SourceContract.standard()).run();
              return pseudonymizer.fingerprint();
            });
    if (code != RuralStatsErrors.OK) {
      return code;
    }
    Erasure.Result r = result[0];
    out.printf(
        "erased %d person(s) (%d with no row in the warehouse): %d raw row(s), %d reject(s), %d"
            + " clean row(s); indicators republished; recorded in %s.%n",
        persons.size(),
        r.notFound(),
        r.in(Warehouse.RAW_ROWS),
        r.in(Warehouse.REJECTS),
        r.total() - r.in(Warehouse.RAW_ROWS) - r.in(Warehouse.REJECTS),
        wh.path(Warehouse.ERASURES));
    out.println(
        "Older versions of the tables still hold them until jobs/maintain.sh runs after "
            + Instant.now().plus(168, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)
            + " (the erasure retention, --erasure-retention-hours); runs before this one are no"
            + " longer readable with --as-of. Later deliveries of these persons are set aside.");
    return RuralStatsErrors.OK;
  }
}
