package org.ruralstats.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the deterministic sample landing folder for Xing County (兴县, 141123), years 2023 and 2024:
 * all nine sources of SOURCES.md, with the variety of encodings, headers and spellings the contract
 * allows, a few corrections and about thirty bad rows. On it the nightly job reproduces the
 * published 2024 figures of SEED_FIGURES.md exactly. Same arguments, same bytes.
 *
 * <p>Run with {@code jobs/sample.sh --out DIR [--seed N] [--counties N]}. With {@code --counties}
 * above 1 it writes a multi-county landing folder instead ({@link MultiCountySample}).
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description =
        "Writes the Xing County (兴县) sample landing folder, years 2023 and 2024; with"
            + " --counties N, a landing folder of N counties of 吕梁市.")
public final class XingCountySampleGenerator implements Callable<Integer> {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 141123L;

  /** The nine source folders, in the order they are written. */
  public static final List<String> SOURCES =
      List.of(
          "divisions",
          "roster",
          "insurance",
          "housing",
          "water_projects",
          "water_project_villages",
          "water_survey",
          "education_students",
          "education_aid");

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Landing folder to write (created if missing; a previous sample is replaced).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "LONG",
      defaultValue = "141123",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--counties",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Counties to write (1 to 60, default ${DEFAULT-VALUE}). 1 writes the one-county layout"
              + " DIR/<source>/; more write DIR/<county code>/<source>/: Xing County plus N-1"
              + " synthetic counties of 吕梁市.")
  int counties;

  @Option(
      names = "--list-bad-rows",
      description = "Also print the bad rows written (source, file, line, reason) as a table.")
  boolean listBadRows;

  @Spec CommandSpec spec;

  /** Thrown when the output folder is not empty and does not look like a previous sample. */
  public static final class NotASampleFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    NotASampleFolderException(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new XingCountySampleGenerator()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (counties < 1 || counties > SampleCounties.MAX) {
      spec.commandLine()
          .getErr()
          .printf(
              "error: --counties %d: the sample holds 1 to %d counties; choose a number in"
                  + " that range%n",
              counties, SampleCounties.MAX);
      return 2;
    }
    if (counties > 1) {
      return MultiCountySample.run(
          out, seed, counties, listBadRows, stdout, spec.commandLine().getErr());
    }
    long start = System.nanoTime();
    Summary summary;
    try {
      summary = generate(out, seed);
    } catch (NotASampleFolderException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Summary.WrittenFile f : summary.files()) {
      stdout.printf(
          Locale.ROOT,
          "%s  %d rows  %d bytes  (%s)%n",
          out.resolve(f.source()).resolve(f.name()),
          f.rows(),
          f.bytes(),
          f.encoding());
    }
    for (String removed : summary.removed()) {
      stdout.printf("removed stale file %s%n", out.resolve(removed));
    }
    stdout.printf(
        Locale.ROOT,
        "total: %d files, %d rows (%d of them bad on purpose), %d bytes, seed %d, %.1f s%n",
        summary.files().size(),
        summary.totalRows(),
        summary.badRows().size(),
        summary.totalBytes(),
        summary.seed(),
        seconds);
    if (listBadRows) {
      stdout.println();
      stdout.println("| source | file | line | why it is rejected |");
      stdout.println("|---|---|---|---|");
      for (Summary.BadRow b : summary.badRows()) {
        stdout.printf("| %s | %s | %d | %s |%n", b.source(), b.file(), b.line(), b.reason());
      }
    }
    stdout.flush();
    return 0;
  }

  /**
   * Generates the sample into {@code out} and returns what was written.
   *
   * @param out the landing folder; created if missing. If it exists it must be empty or look like a
   *     previous sample (have a {@code divisions/} folder); the previous sample's {@code .csv}
   *     files that this run does not write are removed
   * @param seed the seed; the same seed gives byte-identical files
   * @throws NotASampleFolderException if {@code out} is a non-empty folder that is not a sample
   */
  public static Summary generate(Path out, long seed) throws IOException {
    boolean previous = checkOut(out);
    Files.createDirectories(out);
    CountyFiles files = writeCounty(out, seed, Population.build(seed));
    List<String> removed = previous ? removeStale(out, files.written()) : List.of();
    return new Summary(out, seed, files.written(), files.bad(), removed);
  }

  /** The files written for one county and the bad rows among them. */
  record CountyFiles(List<Summary.WrittenFile> written, List<Summary.BadRow> bad) {}

  /**
   * Writes the nine source folders of one county into {@code out}: the residents are {@code pop},
   * every other step draws from {@code seed}.
   */
  static CountyFiles writeCounty(Path out, long seed, Population pop) throws IOException {
    for (String source : SOURCES) {
      Files.createDirectories(out.resolve(source));
    }
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Every step has its own random stream, so the order the steps run in does not matter.
      Future<HousingPlan> housing =
          pool.submit(() -> HousingPlan.plan(pop, new SplittableRandom(seed ^ 0x484f555345L)));
      Future<WaterPlan> water =
          pool.submit(() -> WaterPlan.plan(pop, new SplittableRandom(seed ^ 0x5741544552L)));
      Future<EducationPlan> edu =
          pool.submit(() -> EducationPlan.plan(pop, new SplittableRandom(seed ^ 0x454455L)));
      List<Future<List<Summary.WrittenFile>>> results = new ArrayList<>();
      List<List<Summary.BadRow>> badByTask = new ArrayList<>();
      for (Callable<List<CsvSink>> task :
          SourceFiles.tasks(pop, get(housing), get(water), get(edu), seed)) {
        List<Summary.BadRow> bad = new ArrayList<>();
        badByTask.add(bad);
        results.add(
            pool.submit(
                () -> {
                  List<Summary.WrittenFile> done = new ArrayList<>();
                  for (CsvSink s : task.call()) {
                    byte[] bytes = s.bytes();
                    writeAtomically(out.resolve(s.source), s.name, bytes);
                    done.add(
                        new Summary.WrittenFile(
                            s.source, s.name, s.rows(), bytes.length, s.encodingLabel()));
                    bad.addAll(s.badRows());
                  }
                  return done;
                }));
      }
      List<Summary.WrittenFile> written = new ArrayList<>();
      for (Future<List<Summary.WrittenFile>> f : results) {
        written.addAll(get(f));
      }
      List<Summary.BadRow> bad = new ArrayList<>();
      badByTask.forEach(bad::addAll);
      return new CountyFiles(List.copyOf(written), List.copyOf(bad));
    } finally {
      pool.shutdownNow();
    }
  }

  static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  /** Deletes the {@code .csv} files of an earlier sample that this run did not write. */
  static List<String> removeStale(Path out, List<Summary.WrittenFile> written) throws IOException {
    Set<String> names = new HashSet<>();
    for (Summary.WrittenFile f : written) {
      names.add(f.path());
    }
    List<String> removed = new ArrayList<>();
    for (String source : SOURCES) {
      Path dir = out.resolve(source);
      List<Path> stale = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          String name = p.getFileName().toString();
          if (Files.isRegularFile(p)
              && name.toLowerCase(Locale.ROOT).endsWith(".csv")
              && !names.contains(source + "/" + name)) {
            stale.add(p);
          }
        }
      }
      stale.sort(null);
      for (Path p : stale) {
        Files.delete(p);
        removed.add(source + "/" + p.getFileName());
      }
    }
    return List.copyOf(removed);
  }

  /** Returns whether {@code out} holds a previous sample; refuses any other non-empty folder. */
  private static boolean checkOut(Path out) throws IOException {
    if (!Files.exists(out)) {
      return false;
    }
    if (!Files.isDirectory(out)) {
      throw new NotASampleFolderException(out + " exists and is not a folder");
    }
    boolean empty;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
      empty = !ds.iterator().hasNext();
    }
    if (empty) {
      return false;
    }
    if (!Files.isDirectory(out.resolve("divisions"))) {
      throw new NotASampleFolderException(
          "refusing to write into "
              + out
              + ": the folder is not empty and does not look like a sample landing folder"
              + " (it has no divisions/ folder); choose an empty or new folder");
    }
    return true;
  }

  /** Writes to a temporary file in the same folder, then renames it over the target. */
  private static void writeAtomically(Path dir, String name, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      Path target = dir.resolve(name);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
