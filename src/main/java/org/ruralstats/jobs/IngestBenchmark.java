package org.ruralstats.jobs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.ResidentId;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark of the ingest stage: writes a division dictionary and one insurance file of N rows
 * (valid IDs, 1 row in 1000 bad) into a scratch landing folder, ingests it into a new warehouse and
 * prints rows per second; then ingests again with nothing new (the nightly no-op cost); then loads
 * the same folder into a second new warehouse in the same JVM ("warm load"): the throughput once
 * the JVM has compiled the code, which a province's hours of rows see, where the first load also
 * pays the JIT compilers' warm-up (on two cores its C2 thread is busy for the whole first load).
 */
@Command(
    name = "ingest-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measure ingest throughput on a generated insurance file.")
public final class IngestBenchmark implements Callable<Integer> {
  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "rows (default ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--work", required = true, description = "scratch folder (emptied first)")
  Path work;

  /** Runs the benchmark. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (Files.exists(work)) {
      org.apache.commons.io.FileUtils.deleteDirectory(work.toFile());
    }
    Path landing = work.resolve("landing");
    long g0 = System.nanoTime();
    long bytes = writeLanding(landing, rows);
    System.out.printf(
        "generated %d insurance rows (%.1f MB) in %.1f s%n",
        rows, bytes / 1e6, (System.nanoTime() - g0) / 1e9);

    SparkSession spark = SparkSessions.create("rural-stats ingest benchmark", 4);
    try {
      Pseudonymizer p = new Pseudonymizer("benchmark-key-benchmark-key-benchmark".getBytes());
      SourceContract contract = SourceContract.standard();
      // the cores the tasks run on: local[*]'s, or a cluster's executors' together
      int cores = spark.sparkContext().defaultParallelism();
      for (String pass : new String[] {"first load", "nothing new", "warm load"}) {
        Warehouse wh =
            new Warehouse(
                spark,
                work.resolve(pass.equals("warm load") ? "warehouse-warm" : "warehouse").toString());
        long t0 = System.nanoTime();
        IngestReport r =
            new IngestStage(wh, contract, p, "bench-" + pass.replace(' ', '-'), s -> {}, 2)
                .run(new LandingFolder(spark, landing.toString(), contract.names()));
        double s = (System.nanoTime() - t0) / 1e9;
        IngestReport.SourceSummary ins =
            r.sources().stream()
                .filter(x -> x.source().equals("insurance"))
                .findFirst()
                .orElseThrow();
        double rate = ins.rowsRead() == 0 ? 0.0 : ins.rowsRead() / ins.seconds();
        System.out.printf(
            "%-12s: ingest %.1f s in all; insurance %d rows read, %d rejected in %.1f s"
                + " = %,.0f rows/s (%,.0f per core on %d)%n",
            pass, s, ins.rowsRead(), ins.rowsRejected(), ins.seconds(), rate, rate / cores, cores);
      }
    } finally {
      spark.stop();
    }
    return 0;
  }

  private static long writeLanding(Path landing, int rows) throws IOException {
    Files.createDirectories(landing.resolve("divisions"));
    Files.createDirectories(landing.resolve("insurance"));
    StringBuilder d = new StringBuilder("code,name,level,parent_code\n141123000000,兴县,county,\n");
    for (int t = 0; t < 10; t++) {
      String town = String.format("141123%03d000", 100 + t);
      d.append(town).append(",镇").append(t).append(",township,141123000000\n");
      for (int v = 0; v < 20; v++) {
        d.append(town, 0, 9)
            .append(String.format("%03d", 201 + v))
            .append(",村")
            .append(v)
            .append(",village,")
            .append(town)
            .append('\n');
      }
    }
    Files.writeString(landing.resolve("divisions/2024-01-01.csv"), d, StandardCharsets.UTF_8);
    SplittableRandom rnd = new SplittableRandom(42);
    Path file = landing.resolve("insurance/2024-12-31.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount,enroll_date\n");
      for (int i = 0; i < rows; i++) {
        String first17 =
            String.format(
                "141123%04d%02d%02d%03d",
                1940 + rnd.nextInt(80), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), i % 1000);
        String id = first17 + ResidentId.checkCharacter(first17);
        if (i % 1000 == 999) {
          id = first17 + (id.charAt(17) == '1' ? '2' : '1'); // bad check character
        }
        String village =
            String.format("141123%03d%03d", 100 + rnd.nextInt(10), 201 + rnd.nextInt(20));
        w.write(
            "2024,"
                + id
                + ","
                + village
                + ","
                + (rnd.nextInt(50) == 0 ? "否" : "是")
                + ","
                + (rnd.nextInt(30) == 0 ? "0" : "1")
                + ",resident,"
                + (rnd.nextInt(3) == 0 ? "380" : "")
                + ",2024-01-0"
                + (1 + rnd.nextInt(9))
                + "\n");
      }
    }
    return Files.size(file);
  }
}
