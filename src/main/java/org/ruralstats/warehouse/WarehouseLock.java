package org.ruralstats.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
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
 * rural-stats.lock.lease-ms}). The files themselves are {@link LockFiles}.
 */
public final class WarehouseLock implements AutoCloseable {
  /** The lock's folder under the warehouse root (its files: {@link LockFiles}). */
  public static final String FOLDER = "_lock";

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
  private final LockFiles files;
  private final String token;
  private final Holder me;
  private final Holder takenOver;
  private final ScheduledExecutorService heartbeat;
  private volatile String lost;

  private WarehouseLock(
      String warehouse, LockFiles files, String token, Holder me, Holder takenOver, long leaseMs) {
    this.warehouse = warehouse;
    this.token = token;
    this.files = files;
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
      try {
        if (!fs.getFileStatus(root).isDirectory()) {
          throw RuralStatsErrors.warehouseIsFile(warehouse);
        }
      } catch (FileNotFoundException e) {
        // a new warehouse: its folders are made below
      }
      LockFiles files = new LockFiles(fs, root);
      long lease = leaseMs();
      long pid = ProcessHandle.current().pid();
      for (int attempt = 0; attempt < 3; attempt++) {
        Holder newest = files.newest(lease);
        Holder dead = null;
        long next = 1;
        if (newest != null) {
          if (files.alive(newest)) {
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
        if (files.create(me, token)) {
          WarehouseLock lock = new WarehouseLock(warehouse, files, token, me, dead, lease);
          files.writeLease(next);
          files.deleteBelow(next);
          return lock;
        }
      }
      Holder newest = files.newest(lease);
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
        files.delete(me.generation());
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
      files.writeLease(me.generation());
    } catch (IOException | RuntimeException e) {
      // a missed renewal is retried; the lease is four renewals long
    }
  }

  /** Null while this run holds the lock, else what happened. */
  private String check() {
    try {
      Holder newest = files.newest(leaseMs());
      if (newest == null || newest.generation() != me.generation()) {
        return newest == null ? "its lock file was deleted" : "taken over by " + newest.describe();
      }
      if (!token.equals(files.token(me.generation()))) {
        return "its lock file was replaced";
      }
      return null;
    } catch (IOException e) {
      return null; // storage hiccup: the heartbeat retries, the lease decides
    }
  }
}
