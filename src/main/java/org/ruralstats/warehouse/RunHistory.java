package org.ruralstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The runs of a warehouse: the rows of {@link Warehouse#RUNS} (published, failed, interrupted and
 * repaired, maintained; a row without an outcome, written before outcomes were recorded, is
 * published), the runs refused by the lock (small files under {@code meta/refused/}, written
 * without the lock, so they never touch a table) and the runs that found nothing new (small files
 * under {@code meta/unchanged/}, written under the lock; see {@code NothingNew}).
 */
public final class RunHistory {
  /** The format of run ids (their start time in UTC). */
  public static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Outcome of a run whose tables readers see. */
  public static final String PUBLISHED = "published";

  /** Outcome of a maintenance run (same content, compacted files). */
  public static final String MAINTAINED = "maintained";

  /** Outcome of an erasure on request (jobs/erase.sh): readers see its tables. */
  public static final String ERASED = "erased";

  /** Outcome of a key rotation (jobs/rotate-key.sh): readers see its tables. */
  public static final String REKEYED = "rekeyed";

  /** Outcome of a run that found nothing new in the landing folder and touched no table. */
  public static final String NOTHING_NEW = "nothing new";

  /** Outcome of a run the lock refused. */
  public static final String REFUSED = "refused";

  /**
   * How a maintenance row's note starts: the oldest run whose data the maintenance kept follows
   * (the files only older runs needed may be gone).
   */
  public static final String KEPT_FROM = "kept the data of the runs from ";

  private static final String REFUSED_DIR = "meta/refused";
  private static final String UNCHANGED_DIR = "meta/unchanged";

  /**
   * One run ({@code areaViews}: the fingerprint of the shared area views its indicator table was
   * computed with, null when not recorded).
   */
  public record Run(
      String runId,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      String keyFingerprint,
      Map<String, Long> tableVersions,
      int filesProcessed,
      int filesRejected,
      long rowsRead,
      long rowsRejected,
      String detail,
      String indicatorInputs,
      String areaViews) {
    /** Whether readers may see this run's table versions. */
    public boolean readable() {
      return PUBLISHED.equals(outcome)
          || MAINTAINED.equals(outcome)
          || ERASED.equals(outcome)
          || REKEYED.equals(outcome);
    }

    /**
     * For a maintenance: the id of the oldest run whose data it kept, when recorded (a maintenance
     * recorded before this note existed has none).
     */
    public Optional<String> keptFrom() {
      if (!MAINTAINED.equals(outcome) || detail == null || !detail.startsWith(KEPT_FROM)) {
        return Optional.empty();
      }
      return Optional.of(detail.substring(KEPT_FROM.length()).split(" ", 2)[0]);
    }
  }

  private final Warehouse warehouse;

  /** The history of a warehouse. */
  public RunHistory(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** A new run id: the current time. */
  public static String newRunId() {
    return RUN_ID.format(Instant.now());
  }

  /** The start time a run id stands for (now when it is not one). */
  public static Instant startOf(String runId) {
    try {
      return Instant.from(RUN_ID.parse(runId));
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }

  /** Every recorded run of the runs table, oldest first (one row per run and outcome). */
  public List<Run> recorded() {
    if (!warehouse.exists(Warehouse.RUNS)) {
      return List.of();
    }
    Dataset<Row> runs = warehouse.read(Warehouse.RUNS);
    boolean hasOutcome = Arrays.asList(runs.columns()).contains("outcome");
    boolean hasInputs = Arrays.asList(runs.columns()).contains("indicator_inputs");
    boolean hasViews = Arrays.asList(runs.columns()).contains("area_views");
    List<Run> out = new ArrayList<>();
    for (Row r : runs.collectAsList()) {
      String outcome =
          hasOutcome && !r.isNullAt(r.fieldIndex("outcome"))
              ? r.getString(r.fieldIndex("outcome"))
              : PUBLISHED;
      String detail =
          hasOutcome && !r.isNullAt(r.fieldIndex("detail"))
              ? r.getString(r.fieldIndex("detail"))
              : null;
      String inputs =
          hasInputs && !r.isNullAt(r.fieldIndex("indicator_inputs"))
              ? r.getString(r.fieldIndex("indicator_inputs"))
              : null;
      String views =
          hasViews && !r.isNullAt(r.fieldIndex("area_views"))
              ? r.getString(r.fieldIndex("area_views"))
              : null;
      Map<String, Long> versions =
          new LinkedHashMap<>(r.<String, Long>getJavaMap(r.fieldIndex("table_versions")));
      out.add(
          new Run(
              r.getString(r.fieldIndex("run_id")),
              r.<Timestamp>getAs("started_at").toInstant(),
              r.<Timestamp>getAs("finished_at").toInstant(),
              outcome,
              r.getString(r.fieldIndex("key_fingerprint")),
              versions,
              r.getInt(r.fieldIndex("files_processed")),
              r.getInt(r.fieldIndex("files_rejected")),
              r.getLong(r.fieldIndex("rows_read")),
              r.getLong(r.fieldIndex("rows_rejected")),
              detail,
              inputs,
              views));
    }
    out.sort(Comparator.comparing(Run::finishedAt).thenComparing(Run::runId));
    return out;
  }

  /** Every run, recorded or refused by the lock, newest first. */
  public List<Run> all() {
    List<Run> out = new ArrayList<>(recorded());
    out.addAll(small(REFUSED_DIR, REFUSED));
    out.addAll(small(UNCHANGED_DIR, NOTHING_NEW));
    out.sort(Comparator.comparing(Run::finishedAt).thenComparing(Run::runId).reversed());
    return out;
  }

  /** The last run readers see. */
  public Optional<Run> lastPublished() {
    return lastPublished(recorded());
  }

  /** The last run readers see among {@code runs} (oldest first, as {@link #recorded}). */
  public static Optional<Run> lastPublished(List<Run> runs) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).readable()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** A published run by id. */
  public Optional<Run> published(String runId) {
    return published(recorded(), runId);
  }

  /** A published run by id among {@code runs} (oldest first, as {@link #recorded}). */
  public static Optional<Run> published(List<Run> runs, String runId) {
    return runs.stream().filter(r -> r.readable() && r.runId().equals(runId)).reduce((a, b) -> b);
  }

  /**
   * The maintenance after {@code run} that removed its data: one that kept only the runs from a
   * later one (run ids are start times, so they sort as the runs started).
   *
   * @param runs every recorded run, oldest first (as {@link #recorded})
   */
  public static Optional<Run> removedBy(List<Run> runs, Run run) {
    return runs.stream()
        .filter(m -> m.finishedAt().isAfter(run.finishedAt()))
        .filter(m -> m.keptFrom().map(k -> k.compareTo(run.runId()) > 0).orElse(false))
        .findFirst();
  }

  /**
   * The last recorded state of the tables (any outcome): the versions every table must be at when
   * no run is in progress.
   */
  public Optional<Run> lastState() {
    return lastState(recorded());
  }

  /** The last recorded state among {@code runs} (oldest first, as {@link #recorded}). */
  public static Optional<Run> lastState(List<Run> runs) {
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /** Records a run the lock refused (a small file; no table is touched). */
  public static void recordRefused(
      org.apache.hadoop.conf.Configuration conf, String warehouse, String runId, String message) {
    try {
      writeSmall(conf, warehouse, REFUSED_DIR, runId, "refused: " + message, "refused by the lock");
    } catch (IOException | RuntimeException e) {
      // the refusal is on the console; its record is best effort
    }
  }

  /**
   * Records a run that found nothing new (a small file, the run's only write; no table is touched).
   *
   * @throws UncheckedIOException when the record cannot be written
   */
  public static void recordNothingNew(
      org.apache.hadoop.conf.Configuration conf, String warehouse, String runId, String detail) {
    try {
      writeSmall(conf, warehouse, UNCHANGED_DIR, runId, detail, "that found nothing new");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the run's record under " + warehouse + "/" + UNCHANGED_DIR, e);
    }
  }

  private static void writeSmall(
      org.apache.hadoop.conf.Configuration conf,
      String warehouse,
      String dir,
      String runId,
      String detail,
      String what)
      throws IOException {
    Path p = new Path(new Path(warehouse, dir), runId + ".properties");
    FileSystem fs = p.getFileSystem(conf);
    Properties props = new Properties();
    props.setProperty("run_id", runId);
    props.setProperty("finished_at", Instant.now().toString());
    props.setProperty("detail", detail);
    StringWriter w = new StringWriter();
    props.store(w, "rural-stats run " + what);
    try (OutputStream o = fs.create(p, true)) {
      o.write(w.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private List<Run> small(String folder, String outcome) {
    List<Run> out = new ArrayList<>();
    Path dir = new Path(warehouse.root(), folder);
    try {
      FileSystem fs = dir.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        if (!st.getPath().getName().endsWith(".properties")) {
          continue;
        }
        Properties p = new Properties();
        try (InputStream in = fs.open(st.getPath())) {
          p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        String id = p.getProperty("run_id", st.getPath().getName());
        out.add(
            new Run(
                id,
                startOf(id),
                Instant.parse(p.getProperty("finished_at", Instant.now().toString())),
                outcome,
                "",
                Map.of(),
                0,
                0,
                0,
                0,
                p.getProperty("detail"),
                null,
                null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }
}
