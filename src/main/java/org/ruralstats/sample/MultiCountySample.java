package org.ruralstats.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.ruralstats.sample.SampleCounties.County;

/**
 * Writes a multi-county sample landing folder: one folder per county, named by its 12-digit code,
 * each a full landing folder. The first is Xing County, byte for byte as the one-county sample; the
 * others are synthetic counties of the same size under 吕梁市, each with its own geography and seed,
 * and {@link SharedPersons#PER_COUNTY} of each one's residents also on the previous county's rolls.
 *
 * <p>Counties are generated one after the other, so memory holds one county's data (plus the ID
 * numbers of the counties before it, about 1.7 MB each).
 */
final class MultiCountySample {

  private static final Pattern COUNTY_FOLDER = Pattern.compile("\\d{6}000000");

  private MultiCountySample() {}

  /**
   * One county written.
   *
   * @param code the county code (the folder's name)
   * @param name the county's name
   * @param files what was written into the county's folder ({@code out} is that folder)
   * @param sharedWith the county whose residents this county also lists, or null (Xing County)
   * @param shared persons of this county on {@code sharedWith}'s rolls too
   * @param onBothRosters how many of them are on both counties' 2024 roster
   * @param seconds how long the county took
   */
  record CountySummary(
      String code,
      String name,
      Summary files,
      String sharedWith,
      int shared,
      int onBothRosters,
      double seconds) {}

  /**
   * The command line's multi-county run: writes the sample, one progress line per county as it is
   * done, a total line and, if asked, the bad rows. Returns the exit code (2: folder refused).
   */
  static int run(
      Path out,
      long seed,
      int counties,
      boolean listBadRows,
      PrintWriter stdout,
      PrintWriter stderr)
      throws IOException {
    long start = System.nanoTime();
    List<CountySummary> done;
    try {
      done =
          generate(
              out,
              seed,
              counties,
              c -> {
                for (String removed : c.files().removed()) {
                  stdout.printf("removed stale file %s%n", out.resolve(removed));
                }
                if (c.name().isEmpty()) {
                  stdout.flush();
                  return;
                }
                stdout.printf(
                    Locale.ROOT,
                    "%s %s: %d files, %d rows (%d of them bad on purpose), %d bytes, seed %d%s,"
                        + " %.1f s%n",
                    out.resolve(c.code()),
                    c.name(),
                    c.files().files().size(),
                    c.files().totalRows(),
                    c.files().badRows().size(),
                    c.files().totalBytes(),
                    c.files().seed(),
                    c.sharedWith() == null
                        ? ""
                        : String.format(
                            Locale.ROOT,
                            ", %d persons also on %s's rolls (%d on both rosters)",
                            c.shared(),
                            c.sharedWith(),
                            c.onBothRosters()),
                    c.seconds());
                stdout.flush();
              });
    } catch (XingCountySampleGenerator.NotASampleFolderException e) {
      stderr.println("error: " + e.getMessage());
      return 2;
    }
    long files = 0;
    long rows = 0;
    long bad = 0;
    long bytes = 0;
    for (CountySummary c : done) {
      files += c.files().files().size();
      rows += c.files().totalRows();
      bad += c.files().badRows().size();
      bytes += c.files().totalBytes();
    }
    stdout.printf(
        Locale.ROOT,
        "total: %d counties, %d files, %d rows (%d of them bad on purpose), %d bytes, seed %d,"
            + " %.1f s%n",
        counties,
        files,
        rows,
        bad,
        bytes,
        seed,
        (System.nanoTime() - start) / 1e9);
    if (listBadRows) {
      stdout.println();
      stdout.println("| county | source | file | line | why it is rejected |");
      stdout.println("|---|---|---|---|---|");
      for (CountySummary c : done) {
        for (Summary.BadRow b : c.files().badRows()) {
          stdout.printf(
              "| %s | %s | %s | %d | %s |%n", c.code(), b.source(), b.file(), b.line(), b.reason());
        }
      }
    }
    stdout.flush();
    return 0;
  }

  /** The seed of a county: {@code seed} moved by the county's area code (by default, the code). */
  static long countySeed(long seed, County c) {
    return seed - XingCountySampleGenerator.DEFAULT_SEED + Long.parseLong(c.area());
  }

  /**
   * Generates {@code counties} counties into {@code out}, calling {@code progress} after each.
   *
   * @param out the landing folder; created if missing. If it exists it must be empty or look like a
   *     previous multi-county sample (have a {@code 141123000000/divisions/} folder); the previous
   *     sample's {@code .csv} files that this run does not write are removed, with the folders of
   *     counties this run does not write
   * @throws XingCountySampleGenerator.NotASampleFolderException if {@code out} is not empty and not
   *     a multi-county sample
   */
  static List<CountySummary> generate(
      Path out, long seed, int counties, Consumer<CountySummary> progress) throws IOException {
    List<County> list = SampleCounties.first(counties);
    boolean previous = checkOut(out);
    Files.createDirectories(out);
    IssuedIds issued = IssuedIds.none();
    List<SharedPersons.Candidate> candidates = List.of();
    List<CountySummary> done = new ArrayList<>();
    County before = null;
    for (County c : list) {
      long start = System.nanoTime();
      long countySeed = countySeed(seed, c);
      Population pop;
      SharedPersons.Shared shared = new SharedPersons.Shared(0, 0);
      if (before == null) {
        pop = Population.build(countySeed);
      } else {
        Geography geo =
            Geography.synthetic(
                c.code(), c.name(), c.formerArea(), new String[] {before.code(), before.name()});
        pop = Population.build(geo, countySeed, issued);
        shared = SharedPersons.share(pop, candidates);
      }
      Path dir = out.resolve(c.code());
      Files.createDirectories(dir);
      XingCountySampleGenerator.CountyFiles files =
          XingCountySampleGenerator.writeCounty(dir, countySeed, pop);
      List<String> removed =
          previous && Files.isDirectory(dir)
              ? XingCountySampleGenerator.removeStale(dir, files.written())
              : List.of();
      candidates = SharedPersons.candidates(pop, new SplittableRandom(countySeed ^ 0x5348415245L));
      issued.addAll(pop);
      CountySummary s =
          new CountySummary(
              c.code(),
              c.name(),
              new Summary(dir, countySeed, files.written(), files.bad(), prefixed(c, removed)),
              before == null ? null : before.code(),
              shared.persons(),
              shared.onBothRosters(),
              (System.nanoTime() - start) / 1e9);
      done.add(s);
      progress.accept(s);
      before = c;
    }
    if (previous) {
      removeOtherCounties(out, list, done, progress);
    }
    return List.copyOf(done);
  }

  private static List<String> prefixed(County c, List<String> removed) {
    return removed.stream().map(r -> c.code() + "/" + r).toList();
  }

  /**
   * Removes the {@code .csv} files of county folders a previous, larger sample wrote and this one
   * does not, then those folders if nothing else is left in them; reports them as a county with no
   * files.
   */
  private static void removeOtherCounties(
      Path out, List<County> written, List<CountySummary> done, Consumer<CountySummary> progress)
      throws IOException {
    Set<String> keep = new HashSet<>();
    written.forEach(c -> keep.add(c.code()));
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && COUNTY_FOLDER.matcher(name).matches() && !keep.contains(name)) {
          stale.add(p);
        }
      }
    }
    stale.sort(null);
    for (Path dir : stale) {
      String code = dir.getFileName().toString();
      List<String> removed = new ArrayList<>();
      for (String source : XingCountySampleGenerator.SOURCES) {
        Path folder = dir.resolve(source);
        if (!Files.isDirectory(folder)) {
          continue;
        }
        List<Path> csv = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
          for (Path f : ds) {
            if (Files.isRegularFile(f)
                && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
              csv.add(f);
            }
          }
        }
        csv.sort(null);
        for (Path f : csv) {
          Files.delete(f);
          removed.add(code + "/" + source + "/" + f.getFileName());
        }
        deleteIfEmpty(folder);
      }
      deleteIfEmpty(dir);
      CountySummary s =
          new CountySummary(
              code, "", new Summary(dir, 0, List.of(), List.of(), removed), null, 0, 0, 0);
      done.add(s);
      progress.accept(s);
    }
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      if (ds.iterator().hasNext()) {
        return;
      }
    }
    Files.delete(dir);
  }

  /** Returns whether {@code out} holds a previous multi-county sample; refuses anything else. */
  private static boolean checkOut(Path out) throws IOException {
    if (!Files.exists(out)) {
      return false;
    }
    if (!Files.isDirectory(out)) {
      throw new XingCountySampleGenerator.NotASampleFolderException(
          out + " exists and is not a folder; choose a new or empty folder");
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
      if (!ds.iterator().hasNext()) {
        return false;
      }
    }
    if (Files.isDirectory(out.resolve("divisions"))) {
      throw new XingCountySampleGenerator.NotASampleFolderException(
          "refusing to write a multi-county sample into "
              + out
              + ": it holds a one-county sample (divisions/ at the top), and a landing folder"
              + " holding both source folders and county folders is refused by the nightly job;"
              + " choose an empty or new folder");
    }
    if (!Files.isDirectory(out.resolve(Geography.COUNTY_CODE).resolve("divisions"))) {
      throw new XingCountySampleGenerator.NotASampleFolderException(
          "refusing to write into "
              + out
              + ": the folder is not empty and does not look like a multi-county sample landing"
              + " folder (it has no "
              + Geography.COUNTY_CODE
              + "/divisions/ folder); choose an empty or new folder");
    }
    return true;
  }
}
