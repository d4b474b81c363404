package org.ruralstats.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The short-lived JVMs of the checks stop at the JIT's first tier with the flags of {@code
 * first-tier-jvm.options} (test resources): the test's child JVMs read them through {@link
 * TestSpark#FIRST_TIER}, {@code .ci/run} reads the file, and the notebook kernel's {@code pom.xml},
 * which Maven cannot point at a file, repeats them.
 */
class FirstTierFlagsTest {
  private static final Pattern KERNEL_FLAGS =
      Pattern.compile("<test\\.jvm\\.flags>([^<]*)</test\\.jvm\\.flags>");

  @Test
  void theListIsTheFirstTierWithRoomForItsCode() {
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m"), TestSpark.FIRST_TIER);
  }

  @Test
  void theNotebookKernelsTestJvmAndCiUseTheList() throws IOException {
    Matcher m = KERNEL_FLAGS.matcher(Files.readString(Path.of("notebooks/kernel/pom.xml")));
    assertTrue(m.find(), "notebooks/kernel/pom.xml has no <test.jvm.flags>");
    List<String> kernel = List.of(m.group(1).trim().split("\\s+"));
    for (String flag : TestSpark.FIRST_TIER) {
      assertTrue(
          kernel.contains(flag),
          "notebooks/kernel/pom.xml's test.jvm.flags lack " + flag + " (first-tier-jvm.options)");
    }
    assertTrue(
        Files.readString(Path.of(".ci/run")).contains("$(resource_list first-tier-jvm.options"),
        ".ci/run must read its first-tier flags from first-tier-jvm.options");
  }
}
