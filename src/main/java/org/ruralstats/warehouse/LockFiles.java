package org.ruralstats.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ruralstats.warehouse.WarehouseLock.Holder;

/**
 * The files of a warehouse's lock folder ({@code <warehouse>/_lock}), the storage side of {@link
 * WarehouseLock}'s protocol: one generation file {@code holder-NNNNNNNNNN} per run that took the
 * lock (a properties file: its {@link Holder} record and a secret token), created with
 * create-if-absent and never rewritten, and beside it {@code holder-NNNNNNNNNN.lease}, the time of
 * the holder's last renewal.
 */
final class LockFiles {
  private static final String PREFIX = "holder-";
  private static final String LEASE = ".lease";

  private final FileSystem fs;
  private final Path dir;

  /** The lock folder of the warehouse at {@code root} on {@code fs} (created when absent). */
  LockFiles(FileSystem fs, Path root) throws IOException {
    this.fs = fs;
    this.dir = new Path(root, WarehouseLock.FOLDER);
    fs.mkdirs(dir);
  }

  /**
   * The holder of the highest generation, or null when there is none. A generation file that cannot
   * be read yet (being written, or released between listing and reading) gives a holder without a
   * run id, started now.
   */
  Holder newest(long defaultLeaseMs) throws IOException {
    long best = -1;
    for (FileStatus st : fs.listStatus(dir)) {
      best = Math.max(best, generation(st.getPath().getName()));
    }
    if (best < 0) {
      return null;
    }
    Properties p = read(file(best));
    if (p == null || p.getProperty("run_id") == null) {
      return new Holder(best, null, "?", -1, Instant.now(), defaultLeaseMs, "", "");
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

  /** The token recorded in a generation's file, null when the file is gone or has none. */
  String token(long generation) throws IOException {
    Properties p = read(file(generation));
    return p == null ? null : p.getProperty("token");
  }

  /**
   * Whether {@code h} still holds its lease: on this host and in this pid namespace, its process
   * must still run; anywhere, its lease file (else its start) must be younger than its lease.
   */
  boolean alive(Holder h) throws IOException {
    if (h.runId() == null) {
      Optional<FileStatus> st = status(file(h.generation()));
      return st.isPresent()
          && System.currentTimeMillis() - st.get().getModificationTime() < h.leaseMs();
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
    Path lease = lease(h.generation());
    try (InputStream in = fs.open(lease)) {
      renewed = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    } catch (FileNotFoundException e) {
      // no renewal yet: the start time counts
    } catch (NumberFormatException e) {
      // being rewritten right now: renewed when the rewrite began
      renewed = status(lease).map(FileStatus::getModificationTime).orElse(renewed);
    }
    return System.currentTimeMillis() - renewed < h.leaseMs();
  }

  /**
   * Creates the generation file of {@code h} with {@code token}, atomically if absent: false when
   * another run created that generation first.
   */
  boolean create(Holder h, String token) throws IOException {
    Properties p = new Properties();
    p.setProperty("token", token);
    p.setProperty("run_id", h.runId());
    p.setProperty("host", h.host());
    p.setProperty("pid", Long.toString(h.pid()));
    p.setProperty("started_at", h.startedAt().toString());
    p.setProperty("process_start_ticks", h.processStartTicks());
    p.setProperty("pid_namespace", h.pidNamespace());
    p.setProperty("lease_ms", Long.toString(h.leaseMs()));
    StringWriter w = new StringWriter();
    p.store(w, "rural-stats warehouse lock");
    byte[] bytes = w.toString().getBytes(StandardCharsets.ISO_8859_1);
    Path path = file(h.generation());
    if ("file".equals(fs.getUri().getScheme())) {
      // RawLocalFileSystem checks-then-creates; O_EXCL makes it atomic
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri().getPath());
      try (OutputStream o =
          Files.newOutputStream(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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

  /** Writes the current time to a generation's lease file. */
  void writeLease(long generation) throws IOException {
    try (OutputStream o = fs.create(lease(generation), true)) {
      o.write(Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Deletes a generation's files (its lease first). */
  void delete(long generation) throws IOException {
    fs.delete(lease(generation), false);
    fs.delete(file(generation), false);
  }

  /** Deletes the files of every generation below {@code generation}. */
  void deleteBelow(long generation) throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      long g = generation(st.getPath().getName());
      if (g >= 0 && g < generation) {
        delete(g);
      }
    }
  }

  private Properties read(Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      Properties p = new Properties();
      p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
      return p;
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  private Optional<FileStatus> status(Path p) throws IOException {
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

  private Path file(long generation) {
    return new Path(dir, PREFIX + pad(generation));
  }

  private Path lease(long generation) {
    return new Path(dir, PREFIX + pad(generation) + LEASE);
  }

  private static String pad(long generation) {
    return String.format("%010d", generation);
  }
}
