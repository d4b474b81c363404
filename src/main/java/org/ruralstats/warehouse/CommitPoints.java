package org.ruralstats.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook at every commit of a run (each table's commit, before and after the {@code meta/runs}
 * commit). Off unless the system property {@code rural-stats.test.pause-at} is set: then every
 * commit point prints {@code COMMIT-POINT <n> <what>} on standard output, and each one whose number
 * or name is in the property's comma-separated list pauses, so a fault test can {@code kill -9} the
 * job exactly there. A pause lasts for good, or until the file named by {@code
 * rural-stats.test.resume-file} exists; the hook then deletes the file, so that the next point of
 * the list pauses again until the file is created again.
 */
public final class CommitPoints {
  /** The system property listing the commit points to pause at (numbers or names, commas). */
  public static final String PAUSE_AT = "rural-stats.test.pause-at";

  /** The system property naming the file whose creation ends a pause. */
  public static final String RESUME_FILE = "rural-stats.test.resume-file";

  private static final AtomicInteger COUNT = new AtomicInteger();

  private CommitPoints() {}

  /** Marks a commit point. */
  public static void reached(String what) {
    String pauseAt = System.getProperty(PAUSE_AT);
    if (pauseAt == null) {
      return;
    }
    int n = COUNT.incrementAndGet();
    System.out.println("COMMIT-POINT " + n + " " + what);
    System.out.flush();
    if (Arrays.stream(pauseAt.split(","))
        .map(String::trim)
        .anyMatch(p -> p.equals(Integer.toString(n)) || p.equals(what))) {
      String resume = System.getProperty(RESUME_FILE);
      try {
        while (resume == null || !Files.exists(Path.of(resume))) {
          Thread.sleep(100);
        }
        Files.delete(Path.of(resume));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
