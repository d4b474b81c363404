package org.ruralstats.warehouse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who a process is on this machine, for the warehouse lock: the host's name, the pid namespace, and
 * a process's start in clock ticks since boot (with its pid, which no two live processes share).
 */
final class LocalProcess {
  private LocalProcess() {}

  /**
   * When a process started, in clock ticks since boot (field 22 of Linux's {@code
   * /proc/<pid>/stat}; empty elsewhere). Not {@code ProcessHandle.Info.startInstant()}: each JVM
   * computes that from the boot time it read once, so after the clock is stepped (as a virtual
   * machine's often is) two JVMs see one process start seconds apart, and a live holder would look
   * replaced.
   */
  static Optional<String> startTicks(long pid) {
    try {
      String stat =
          Files.readString(
              Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Optional.of(fields[22 - 3]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** This process's pid namespace ({@code pid:[…]} on Linux), else empty. */
  static String pidNamespace() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** This host's name (the JVM's, when the name cannot be resolved). */
  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String jvm = ManagementFactory.getRuntimeMXBean().getName();
      return jvm.substring(jvm.indexOf('@') + 1);
    }
  }
}
