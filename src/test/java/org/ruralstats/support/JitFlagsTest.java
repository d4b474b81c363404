package org.ruralstats.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.network.util.JavaUtils;
import org.junit.jupiter.api.Test;

/**
 * The test JVM compiles with the JIT settings of the job launchers ({@code RS_JIT_FLAGS} in {@code
 * jobs/lib.sh}), which {@code test.jvm.flags} in {@code pom.xml} repeats: the two lists stay in
 * step.
 */
class JitFlagsTest {
  private static final Pattern FLAG = Pattern.compile("^\\s*-XX:(\\w+)=(\\S+)\\s*$");
  private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]");

  /** The {@code -XX:Name=value} lines of the {@code RS_JIT_FLAGS} array of jobs/lib.sh. */
  static List<String[]> launcherFlags() throws IOException {
    List<String[]> flags = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(Path.of("jobs/lib.sh"))) {
      if (line.startsWith("RS_JIT_FLAGS=(")) {
        in = true;
      } else if (in && line.trim().equals(")")) {
        break;
      } else if (in) {
        Matcher m = FLAG.matcher(line);
        if (m.matches()) {
          flags.add(new String[] {m.group(1), m.group(2)});
        }
      }
    }
    return flags;
  }

  /**
   * A flag's value as the JVM reports it: sizes ({@code 512m}) in bytes, anything else as given.
   */
  static String bytes(String value) {
    return SIZE.matcher(value).matches()
        ? Long.toString(JavaUtils.byteStringAsBytes(value))
        : value;
  }

  @Test
  void sizesAreComparedInBytes() {
    assertEquals("536870912", bytes("512m"));
    assertEquals("2048", bytes("2k"));
    assertEquals("1073741824", bytes("1G"));
    assertEquals("50000", bytes("50000"));
  }

  @Test
  void theTestJvmCompilesAsTheLaunchersDo() throws IOException {
    List<String[]> flags = launcherFlags();
    assertFalse(flags.isEmpty(), "no -XX:Name=value line in RS_JIT_FLAGS of jobs/lib.sh");
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    for (String[] f : flags) {
      assertEquals(
          bytes(f[1]),
          vm.getVMOption(f[0]).getValue(),
          "-XX:"
              + f[0]
              + " of the test JVM; test.jvm.flags in pom.xml (or a -Dtest.jvm.flags given) should"
              + " carry RS_JIT_FLAGS of jobs/lib.sh");
    }
  }
}
