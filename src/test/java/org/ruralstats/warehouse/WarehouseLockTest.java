package org.ruralstats.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.support.TestSpark;

/** The warehouse lock on the local file system (no Spark needed). */
class WarehouseLockTest {
  private final Configuration conf = TestSpark.hadoopConf();
  @TempDir Path tmp;

  @Test
  void aSecondRunIsRefusedWithTheHolderNamedUntilTheFirstReleases() {
    String wh = tmp.resolve("wh").toString();
    WarehouseLock first = WarehouseLock.acquire(conf, wh, "run-A");
    RunFailure refused = refused(wh, "run-B");
    assertTrue(refused.getMessage().contains("run run-A on host "), refused.getMessage());
    assertTrue(
        refused.getMessage().contains("process " + ProcessHandle.current().pid()),
        refused.getMessage());
    first.assertHeld();
    first.close();
    try (WarehouseLock second = WarehouseLock.acquire(conf, wh, "run-B")) {
      assertTrue(second.takenOver().isEmpty(), "a released lock is no takeover");
    }
  }

  @Test
  void aDeadHolderIsTakenOverAndTheOldHolderNoticesItLostTheLock() throws Exception {
    String wh = tmp.resolve("wh").toString();
    Path dir = lockDir();
    // a holder on another host whose lease lapsed an hour ago
    holderFile(dir, 7, "run-dead", "elsewhere.example", 12345, Instant.now().minusSeconds(3600));
    try (WarehouseLock lock = WarehouseLock.acquire(conf, wh, "run-C")) {
      assertEquals("run-dead", lock.takenOver().orElseThrow().runId());
      assertEquals(8, lock.holder().generation());
      assertFalse(Files.exists(dir.resolve("holder-0000000007")), "the dead generation is gone");
    }
    // a holder on this host whose process is gone: taken over at once, lease or not
    long deadPid = endedProcess();
    holderFile(dir, 9, "run-killed", LocalProcess.host(), deadPid, Instant.now());
    try (WarehouseLock lock = WarehouseLock.acquire(conf, wh, "run-D")) {
      assertEquals("run-killed", lock.takenOver().orElseThrow().runId());
      // someone took this lock over (it stalled past its lease): it must not publish
      holderFile(dir, 11, "run-E", "elsewhere.example", 1, Instant.now());
      RunFailure lost = assertThrows(RunFailure.class, lock::assertHeld);
      assertEquals(RuralStatsErrors.FAILED, lost.exitCode());
      assertTrue(lost.getMessage().contains("taken over by run run-E"), lost.getMessage());
    }
    // a live holder on another host (lease fresh) is never taken over
    refused(wh, "run-F");
  }

  @Test
  void aHolderHereIsKnownByItsStartInTicksNoClockStepMovesAndOnlyInThisPidNamespace()
      throws Exception {
    String wh = tmp.resolve("wh").toString();
    Path dir = lockDir();
    String host = LocalProcess.host();
    long pid = ProcessHandle.current().pid();
    String ticks = LocalProcess.startTicks(pid).orElseThrow();
    assertEquals(ticks, LocalProcess.startTicks(pid).orElseThrow());
    // this process, its start as recorded, its lease fresh: alive, whatever its start instant
    // reads as in another JVM (ProcessHandle's instant moves when the clock is stepped)
    holderFile(dir, 1, "run-live", host, pid, Instant.now(), "process_start_ticks=" + ticks);
    refused(wh, "run-B");
    // the same pid with another start: the pid was reused, its holder is dead, taken over at once
    holderFile(dir, 2, "run-reused", host, pid, Instant.now(), "process_start_ticks=1");
    try (WarehouseLock lock = WarehouseLock.acquire(conf, wh, "run-C")) {
      assertEquals("run-reused", lock.takenOver().orElseThrow().runId());
    }
    // a holder in another pid namespace (a container on this host): no process of ours tells
    // whether it lives, even a pid that is free here; its fresh lease holds
    long freePid = endedProcess();
    holderFile(dir, 4, "run-container", host, freePid, Instant.now(), "pid_namespace=pid:[1]");
    RunFailure refused = refused(wh, "run-D");
    assertTrue(refused.getMessage().contains("run run-container"), refused.getMessage());
  }

  @Test
  void aLeaseBeingRewrittenCountsAsRenewedNotAsLapsed() throws Exception {
    String wh = tmp.resolve("wh").toString();
    Path dir = lockDir();
    // a holder elsewhere that started an hour ago, caught while truncating its lease to renew it
    holderFile(dir, 3, "run-long", "elsewhere.example", 1, Instant.now().minusSeconds(3600));
    Files.writeString(dir.resolve("holder-0000000003.lease"), "");
    refused(wh, "run-B");
    // its lease last rewritten an hour ago: lapsed, taken over
    Files.setLastModifiedTime(
        dir.resolve("holder-0000000003.lease"),
        java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
    try (WarehouseLock lock = WarehouseLock.acquire(conf, wh, "run-C")) {
      assertEquals("run-long", lock.takenOver().orElseThrow().runId());
    }
  }

  @Test
  void aWarehousePathThatIsAFileIsAClearError() throws IOException {
    Path file = Files.writeString(tmp.resolve("wh"), "x");
    RunFailure e =
        assertThrows(RunFailure.class, () -> WarehouseLock.acquire(conf, file.toString(), "r"));
    assertEquals(RuralStatsErrors.FAILED, e.exitCode());
    assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
  }

  /** The lock folder of the warehouse {@code tmp/wh}, made. */
  private Path lockDir() throws IOException {
    return Files.createDirectories(tmp.resolve("wh/_lock"));
  }

  /** Asserts that {@code runId} is refused the lock (exit code 3); returns the failure. */
  private RunFailure refused(String wh, String runId) {
    RunFailure refused =
        assertThrows(RunFailure.class, () -> WarehouseLock.acquire(conf, wh, runId));
    assertEquals(RuralStatsErrors.LOCK_HELD, refused.exitCode());
    return refused;
  }

  /** The pid of a process that has ended and been reaped (waited for, not slept on). */
  private static long endedProcess() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("true").start();
    assertEquals(0, p.waitFor());
    return p.pid();
  }

  private static void holderFile(
      Path dir, long gen, String runId, String host, long pid, Instant started, String... more)
      throws IOException {
    Files.writeString(
        dir.resolve(String.format("holder-%010d", gen)),
        String.join("\n", more)
            + "\nrun_id="
            + runId
            + "\nhost="
            + host
            + "\npid="
            + pid
            + "\nstarted_at="
            + started
            + "\nlease_ms=60000\ntoken=x\n");
  }
}
