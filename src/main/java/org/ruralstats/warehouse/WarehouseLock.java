package org.ruralstats.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.ruralstats.errors.RuralStatsErrors;

/**
 * One run at a time per warehouse: a lease-based lock made of files under {@code
 * <warehouse>/_lock}.
 *
 * <p>The protocol (it needs only an atomic create-if-absent, which HDFS, the local file system and
 * object stores with conditional writes give):
 *
 * <ol>
 *   <li>The lock is held by the run that created the highest <em>generation</em> file {@code
 *       holder-NNNNNNNNNN} (host, process, run id, start time, lease length). The holder rewrites
 *       {@code holder-N.lease} (the time of its last renewal) from a daemon thread every quarter of
 *       the lease.
 *   <li>To take the lock a run lists the generations. If the highest, N, is alive (its lease was
 *       renewed within the lease length, and, on the same host and in the same pid namespace, its
 *       process still runs) the run is refused with exit code 3 naming the holder. Otherwise (none,
 *       released, or dead) it creates generation N+1 with create-if-absent: of two runs racing for
 *       it exactly one succeeds; the other lists again and is refused. A dead holder's files are
 *       never rewritten, only superseded, so no run can take over a live lock by mistake.
 *   <li>The holder checks before its commit point that its generation is still the highest and its
 *       own (a holder that stalled past its lease and was taken over stops without publishing).
 *   <li>Release deletes the holder's own generation files.
 * </ol>
 *
 * Leases compare the holder's clock with the taker's, so hosts sharing a warehouse need
 * synchronized clocks (NTP); the default lease is 60 s (system property {@code
 * rural-stats.lock.lease-ms}).
 */
public final class WarehouseLock implements AutoCloseable {
  private static final String DIR = "_lock";
  private static final String PREFIX = "holder-";
  private static final String LEASE = ".lease";

  /**
   * Who holds (or held) a lock: what its generation file records. {@code pidNamespace} and {@code
   * processStartTicks} ({@link LocalProcess}) are empty where unknown (another system, an older
   * file).
   */
  public record Holder(
      long generation,
      String runId,
      String host,
      long pid,
      Instant startedAt,
      long leaseMs,
      String pidNamespace,
      String processStartTicks) {
    /** A one-line description for messages. */
    public String describe() {
      return "run "
          + runId
          + " on host "
          + host
          + ", process "
          + pid
          + ", started "
          + startedAt
          + " (lock generation "
          + generation
          + ")";
    }
  }

  private final String warehouse;
  private final FileSystem fs;
  private final Path dir;
  private final String token;
  private final Holder me;
  private final Holder takenOver;
  private final ScheduledExecutorService heartbeat;
  private volatile String lost;

  private WarehouseLock(
      String warehouse,
      FileSystem fs,
      Path dir,
      String token,
      Holder me,
      Holder takenOver,
      long leaseMs) {
    this.warehouse = warehouse;
    this.token = token;
    this.fs = fs;
    this.dir = dir;
    this.me = me;
    this.takenOver = takenOver;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rural-stats-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(50, leaseMs / 4);
    heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** The lease length: system property {@code rural-stats.lock.lease-ms}, else 60 s. */
  static long leaseMs() {
    return Long.getLong("rural-stats.lock.lease-ms", Duration.ofSeconds(60).toMillis());
  }

  /**
   * Takes the warehouse's lock for a run.
   *
   * @throws org.ruralstats.errors.RunFailure exit code 3 when another live run holds it, 1 when the
   *     warehouse path is a file or cannot be written
   */
  public static WarehouseLock acquire(Configuration conf, String warehouse, String runId) {
    Path root = new Path(warehouse);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRaw();
      }
      Optional<FileStatus> st = status(fs, root);
      if (st.isPresent() && !st.get().isDirectory()) {
        throw RuralStatsErrors.warehouseIsFile(warehouse);
      }
      Path dir = new Path(root, DIR);
      fs.mkdirs(dir);
      long lease = leaseMs();
      long pid = ProcessHandle.current().pid();
      for (int attempt = 0; attempt < 3; attempt++) {
        Holder newest = newest(fs, dir);
        Holder dead = null;
        long next = 1;
        if (newest != null) {
          if (alive(fs, dir, newest)) {
            throw RuralStatsErrors.lockHeld(warehouse, newest.describe());
          }
          dead = newest.runId() == null ? null : newest;
          next = newest.generation() + 1;
        }
        Holder me =
            new Holder(
                next,
                runId,
                LocalProcess.host(),
                pid,
                Instant.now(),
                lease,
                LocalProcess.pidNamespace(),
                LocalProcess.startTicks(pid).orElse(""));
        String token = UUID.randomUUID().toString();
        if (createIfAbsent(fs, file(dir, next), me, token)) {
          WarehouseLock lock = new WarehouseLock(warehouse, fs, dir, token, me, dead, lease);
          lock.writeLease();
          lock.deleteOlderGenerations();
          return lock;
        }
      }
      Holder newest = newest(fs, dir);
      throw RuralStatsErrors.lockHeld(
          warehouse, newest == null ? "a run that just released it" : newest.describe());
    } catch (IOException e) {
      throw RuralStatsErrors.warehouseUnavailable(warehouse, e);
    }
  }

  /** This run's holder record. */
  public Holder holder() {
    return me;
  }

  /** The dead run whose lock this run took over, if any (it did not finish). */
  public Optional<Holder> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  /**
   * Checks that this run still holds the lock (call before a commit point).
   *
   * @throws org.ruralstats.errors.RunFailure when another run took the lock over
   */
  public void assertHeld() {
    if (lost == null) {
      lost = check();
    }
    if (lost != null) {
      throw RuralStatsErrors.lockLost(warehouse, lost);
    }
  }

  /** Releases the lock (only this run's own generation). */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      if (check() == null) {
        fs.delete(new Path(dir, PREFIX + pad(me.generation()) + LEASE), false);
        fs.delete(file(dir, me.generation()), false);
      }
    } catch (IOException e) {
      // the lease expires on its own
    }
  }

  private void renew() {
    try {
      String problem = check();
      if (problem != null) {
        lost = problem;
        heartbeat.shutdown();
        return;
      }
      writeLease();
    } catch (IOException | RuntimeException e) {
      // a missed renewal is retried; the lease is four renewals long
    }
  }

  /** Null while this run holds the lock, else what happened. */
  private String check() {
    try {
      Holder newest = newest(fs, dir);
      if (newest == null || newest.generation() != me.generation()) {
        return newest == null ? "its lock file was deleted" : "taken over by " + newest.describe();
      }
      Properties p = read(fs, file(dir, me.generation()));
      if (p == null || !token.equals(p.getProperty("token"))) {
        return "its lock file was replaced";
      }
      return null;
    } catch (IOException e) {
      return null; // storage hiccup: the heartbeat retries, the lease decides
    }
  }

  private void writeLease() throws IOException {
    try (OutputStream o = fs.create(new Path(dir, PREFIX + pad(me.generation()) + LEASE), true)) {
      o.write(Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private void deleteOlderGenerations() throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      long g = generation(st.getPath().getName());
      if (g >= 0 && g < me.generation()) {
        fs.delete(st.getPath(), false);
        fs.delete(new Path(dir, st.getPath().getName() + LEASE), false);
      }
    }
  }

  private static boolean createIfAbsent(FileSystem fs, Path path, Holder h, String token)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("token", token);
    p.setProperty("run_id", h.runId());
    p.setProperty("host", h.host());
    p.setProperty("pid", Long.toString(h.pid()));
    p.setProperty("started_at", h.startedAt().toString());
    p.setProperty("process_start_ticks", h.processStartTicks());
    p.setProperty("pid_namespace", h.pidNamespace());
    p.setProperty("lease_ms", Long.toString(h.leaseMs()));
    java.io.StringWriter w = new java.io.StringWriter();
    p.store(w, "rural-stats warehouse lock");
    byte[] bytes = w.toString().getBytes(StandardCharsets.ISO_8859_1);
    if ("file".equals(fs.getUri().getScheme())) {
      // RawLocalFileSystem checks-then-creates; O_EXCL makes it atomic
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri().getPath());
      try (OutputStream o =
          Files.newOutputStream(
              local,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE)) {
        o.write(bytes);
      } catch (FileAlreadyExistsException e) {
        return false;
      }
      return true;
    }
    try (OutputStream o = fs.create(path, false)) {
      o.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static Holder newest(FileSystem fs, Path dir) throws IOException {
    long best = -1;
    for (FileStatus st : fs.listStatus(dir)) {
      best = Math.max(best, generation(st.getPath().getName()));
    }
    if (best < 0) {
      return null;
    }
    Properties p = read(fs, file(dir, best));
    if (p == null || p.getProperty("run_id") == null) {
      // being written right now (or released between listing and reading): treat as held
      return new Holder(best, null, "?", -1, Instant.now(), leaseMs(), "", "");
    }
    return new Holder(
        best,
        p.getProperty("run_id"),
        p.getProperty("host"),
        Long.parseLong(p.getProperty("pid")),
        Instant.parse(p.getProperty("started_at")),
        Long.parseLong(p.getProperty("lease_ms")),
        p.getProperty("pid_namespace", ""),
        p.getProperty("process_start_ticks", ""));
  }

  private static boolean alive(FileSystem fs, Path dir, Holder h) throws IOException {
    if (h.runId() == null) {
      Optional<FileStatus> st = status(fs, file(dir, h.generation()));
      return st.isEmpty()
          ? false
          : System.currentTimeMillis() - st.get().getModificationTime() < h.leaseMs();
    }
    // its pid means a process here only on this host and in this pid namespace (containers on one
    // host, such as Docker's with the host's network, share its name but not its processes)
    if (h.host().equals(LocalProcess.host())
        && (h.pidNamespace().isEmpty() || h.pidNamespace().equals(LocalProcess.pidNamespace()))) {
      if (ProcessHandle.of(h.pid()).isEmpty()) {
        return false; // that process is gone
      }
      Optional<String> now = LocalProcess.startTicks(h.pid());
      if (!h.processStartTicks().isEmpty()
          && now.isPresent()
          && !now.get().equals(h.processStartTicks())) {
        return false; // its pid now belongs to another process
      }
    }
    long renewed = h.startedAt().toEpochMilli();
    Path lease = new Path(dir, PREFIX + pad(h.generation()) + LEASE);
    try (InputStream in = fs.open(lease)) {
      renewed = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    } catch (FileNotFoundException e) {
      // no renewal yet: the start time counts
    } catch (NumberFormatException e) {
      // being rewritten right now: renewed when the rewrite began
      renewed = status(fs, lease).map(FileStatus::getModificationTime).orElse(renewed);
    }
    return System.currentTimeMillis() - renewed < h.leaseMs();
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      Properties p = new Properties();
      p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
      return p;
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  private static Optional<FileStatus> status(FileSystem fs, Path p) throws IOException {
    try {
      return Optional.of(fs.getFileStatus(p));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  private static long generation(String name) {
    if (!name.startsWith(PREFIX) || name.endsWith(LEASE)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Path file(Path dir, long generation) {
    return new Path(dir, PREFIX + pad(generation));
  }

  private static String pad(long generation) {
    return String.format("%010d", generation);
  }
}
