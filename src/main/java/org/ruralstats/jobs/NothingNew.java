package org.ruralstats.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.export.ExportStamp;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.privacy.WarehouseModes;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;
import org.ruralstats.warehouse.WarehouseLock;

/**
 * A rerun with nothing new, decided before Spark starts.
 *
 * <p>Every published nightly run leaves, as its last step, a note ({@value #NOTE}): the landing
 * folder as it was listed before the run read it (every folder, and every file with its size and
 * modification time), the version of the runs table after its commit, the key's fingerprint, the
 * state its exports were stamped with, and what its summary showed. A later run whose landing
 * folder lists exactly the same, with the same key, the runs table still at that version (no run,
 * erasure, rotation or maintenance since: each records a row there) and every export still stamped
 * current has nothing to read: it takes the lock, closes the raw zone as every run does, prints the
 * summary it was left, records itself as a small file ({@link RunHistory#recordNothingNew}) and
 * ends, without starting Spark. Anything else (no note, a file added, removed, resized or touched,
 * a folder added, another key, an interrupted run's lock) makes it a full run, which deletes the
 * note first and writes a new one only once it has published.
 */
final class NothingNew {
  /** The note of the last published nightly run, under the warehouse. */
  static final String NOTE = "meta/nothing-new.properties";

  /** Set by jobs/lib.sh on the run that records the class-data archive (a full run). */
  static final String RECORDING_CLASSES = "rural-stats.cds.recording";

  private static final String SEP = "\n";

  private NothingNew() {}

  /**
   * What a published run leaves for the next.
   *
   * @param runId the published run
   * @param landing the landing folder it read
   * @param listing the landing folder as listed before the run read it ({@link #listing})
   * @param keyFingerprint the key in force
   * @param runsVersion the runs table's version after the run's commit
   * @param exportState the state its exports were stamped with ({@link ExportStamp}), or "" for
   *     none
   * @param exitCode the run's exit code (0, or 2 with files standing rejected)
   * @param csvFiles the {@code .csv} files it found
   * @param counties the county folders (none in a one-county landing folder)
   * @param ignored the entries it did not read (not {@code .csv})
   * @param figures the summary's headline lines
   * @param rejectRows rows standing in the rejects table
   * @param rejectFiles files standing rejected whole in it
   * @param rejectedFiles the summary's {@code REJECTED FILE} lines
   */
  record Note(
      String runId,
      String landing,
      List<String> listing,
      String keyFingerprint,
      long runsVersion,
      String exportState,
      int exitCode,
      int csvFiles,
      int counties,
      List<String> ignored,
      List<String> figures,
      long rejectRows,
      long rejectFiles,
      List<String> rejectedFiles) {}

  /**
   * The landing folder as listed: a line per folder ({@code d <path>}) and per file ({@code f
   * <path> <size> <modification time>}), paths relative to the folder, sorted. Empty when the
   * folder does not exist.
   */
  static List<String> listing(Configuration conf, String landing) {
    Path root = new Path(landing);
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return out;
      }
      String prefix = fs.getFileStatus(root).getPath().toUri().getPath();
      Deque<Path> folders = new ArrayDeque<>(List.of(root));
      while (!folders.isEmpty()) {
        for (FileStatus st : fs.listStatus(folders.pop())) {
          String rel = st.getPath().toUri().getPath().substring(prefix.length());
          if (st.isDirectory()) {
            out.add("d " + rel);
            folders.push(st.getPath());
          } else {
            out.add("f " + rel + " " + st.getLen() + " " + st.getModificationTime());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing folder " + landing, e);
    }
    out.sort(null);
    return out;
  }

  /** Deletes the note: a full run starts, and until it publishes nothing may be skipped. */
  static void forget(Configuration conf, String warehouse) {
    Path note = new Path(warehouse, NOTE);
    try {
      note.getFileSystem(conf).delete(note, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + note, e);
    }
  }

  /** Writes the note of a published run. */
  static void leave(Configuration conf, String warehouse, Note n) {
    Properties p = new Properties();
    p.setProperty("run_id", n.runId());
    p.setProperty("landing", n.landing());
    p.setProperty("listing", String.join(SEP, n.listing()));
    p.setProperty("key_fingerprint", n.keyFingerprint());
    p.setProperty("runs_version", Long.toString(n.runsVersion()));
    p.setProperty("export_state", n.exportState());
    p.setProperty("exit_code", Integer.toString(n.exitCode()));
    p.setProperty("csv_files", Integer.toString(n.csvFiles()));
    p.setProperty("counties", Integer.toString(n.counties()));
    p.setProperty("ignored", String.join(SEP, n.ignored()));
    p.setProperty("figures", String.join(SEP, n.figures()));
    p.setProperty("reject_rows", Long.toString(n.rejectRows()));
    p.setProperty("reject_files", Long.toString(n.rejectFiles()));
    p.setProperty("rejected_files", String.join(SEP, n.rejectedFiles()));
    Path note = new Path(warehouse, NOTE);
    try {
      StringWriter w = new StringWriter();
      p.store(w, "rural-stats: what the last published nightly run read and showed");
      try (OutputStream o = note.getFileSystem(conf).create(note, true)) {
        o.write(w.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + note, e);
    }
  }

  /** The note, when there is one that can be read. */
  static Optional<Note> read(Configuration conf, String warehouse) {
    Path note = new Path(warehouse, NOTE);
    try {
      FileSystem fs = note.getFileSystem(conf);
      if (!fs.exists(note)) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (InputStream in = fs.open(note)) {
        p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      return Optional.of(
          new Note(
              p.getProperty("run_id"),
              p.getProperty("landing"),
              lines(p, "listing"),
              p.getProperty("key_fingerprint"),
              Long.parseLong(p.getProperty("runs_version")),
              p.getProperty("export_state"),
              Integer.parseInt(p.getProperty("exit_code")),
              Integer.parseInt(p.getProperty("csv_files")),
              Integer.parseInt(p.getProperty("counties")),
              lines(p, "ignored"),
              lines(p, "figures"),
              Long.parseLong(p.getProperty("reject_rows")),
              Long.parseLong(p.getProperty("reject_files")),
              lines(p, "rejected_files")));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // a full run decides, and leaves a new note
    }
  }

  private static List<String> lines(Properties p, String key) {
    String v = p.getProperty(key, "");
    return v.isEmpty() ? List.of() : Arrays.asList(v.split(SEP, -1));
  }

  /**
   * Ends the run here when nothing is new.
   *
   * @param given the launcher's Spark settings (the published mode)
   * @param conf the Hadoop settings the run would have
   * @param t0 when the run started ({@link System#nanoTime})
   * @return the exit code of a run that found nothing new; empty when a full run must go on
   */
  static OptionalInt run(
      SparkConf given, Configuration conf, PipelineConfig config, PrintStream out, long t0) {
    if (Boolean.getBoolean(RECORDING_CLASSES)) {
      return OptionalInt
          .empty(); // this run records the launchers' class archive: it must load Spark
    }
    String warehouse = Warehouse.rootOf(config.warehouse());
    Optional<Note> read = read(conf, warehouse);
    if (read.isEmpty()) {
      return OptionalInt.empty();
    }
    Note note = read.get();
    String runsTable = warehouse + "/" + Warehouse.RUNS;
    try {
      if (!note.landing().equals(config.landing())
          || !note.keyFingerprint().equals(new Pseudonymizer(config.pseudonymKey()).fingerprint())
          || Warehouse.latestVersion(conf, runsTable) != note.runsVersion()
          || !exportsCurrent(conf, config, note)
          || !listing(conf, config.landing()).equals(note.listing())) {
        return OptionalInt.empty();
      }
    } catch (RuntimeException cannotTell) {
      return OptionalInt.empty(); // e.g. the landing folder cannot be listed: the full run says why
    }
    String runId = RunHistory.newRunId();
    WarehouseLock lock;
    try {
      lock = WarehouseLock.acquire(conf, warehouse, runId);
    } catch (RunFailure f) {
      out.println("error: " + f.getMessage());
      if (f.exitCode() == NightlyJob.LOCK_HELD) {
        RunHistory.recordRefused(conf, warehouse, runId, f.getMessage());
      }
      return OptionalInt.of(f.exitCode());
    }
    try (lock) {
      // a run that died holding the lock, or one that committed since the check: a full run
      if (lock.takenOver().isPresent()
          || Warehouse.latestVersion(conf, runsTable) != note.runsVersion()) {
        return OptionalInt.empty();
      }
      NightlyJob.printHeader(out, runId, config.landing(), warehouse);
      int opened = WarehouseModes.of(given, conf, warehouse).closeRaw();
      if (opened > 0) {
        out.println(NightlyJob.rawClosedWarning(opened, warehouse + "/raw"));
      }
      for (String entry : note.ignored()) {
        out.println(IngestStage.ignoredLine(entry));
      }
      out.println(
          "nothing new: the landing folder holds the "
              + note.csvFiles()
              + " file(s) run "
              + note.runId()
              + " read, unchanged (same names, sizes and times)"
              + (note.counties() > 0 ? " in " + note.counties() + " county folder(s)" : "")
              + "; no table read or written, Spark not started");
      out.println();
      out.println("=== Summary === (as published by run " + note.runId() + ")");
      note.figures().forEach(out::println);
      out.println(NightlySummary.rejectLine(0, note.rejectRows(), note.rejectFiles()));
      note.rejectedFiles().forEach(out::println);
      lock.assertHeld();
      RunHistory.recordNothingNew(
          conf,
          warehouse,
          runId,
          "nothing new: the landing folder as run " + note.runId() + " read it; no table touched");
      NightlySummary.printWhere(out, warehouse, config, (System.nanoTime() - t0) / 1e9);
      return OptionalInt.of(note.exitCode());
    }
  }

  private static boolean exportsCurrent(Configuration conf, PipelineConfig config, Note note) {
    if (config.exportDir() == null) {
      return true;
    }
    if (note.exportState().isEmpty()) {
      return false;
    }
    for (String table : List.of("indicators", "rejects")) {
      String file = config.exportDir() + "/" + table + ".csv";
      if (!ExportStamp.current(conf, file, note.exportState())) {
        return false;
      }
    }
    return true;
  }
}
