package org.ruralstats.warehouse;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook at every commit of a run (each table's commit, before and after the {@code meta/runs}
 * commit). Off unless the system property {@code rural-stats.test.pause-at} is set: then every
 * commit point prints {@code COMMIT-POINT <n> <what>} on standard output, and the one whose number
 * or name equals the property's value pauses, so a fault test can {@code kill -9} the job exactly
 * there. The pause lasts for good, or until the file named by {@code rural-stats.test.resume-file}
 * exists.
 */
public final class CommitPoints {
  /** The system property naming the commit point to pause at. */
  public static final String PAUSE_AT = "rural-stats.test.pause-at";

  /** The system property naming the file whose creation ends the pause. */
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
    if (pauseAt.equals(Integer.toString(n)) || pauseAt.equals(what)) {
      String resume = System.getProperty(RESUME_FILE);
      try {
        while (resume == null || !java.nio.file.Files.exists(java.nio.file.Path.of(resume))) {
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
