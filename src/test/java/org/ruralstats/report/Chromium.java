package org.ruralstats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (the Debian package {@code chromium}) opening a page from disk with its scripts
 * running: the DOM after the scripts ran, a screenshot, the page printed to PDF.
 */
final class Chromium {
  private final Path profile;

  /** A browser with its own profile folder under {@code tmp}. */
  Chromium(Path tmp) {
    this.profile = tmp.resolve("chromium-profile");
  }

  /** The browser's executable, or fails saying how to install it. */
  static String executable() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "headless Chromium is not installed; as root run: apt-get update && apt-get install -y"
            + " chromium fonts-noto-cjk poppler-utils (.ci/run does this when it is absent)");
  }

  /** The DOM of {@code page} after its scripts ran. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = profile.resolveSibling("dom.html");
    run(out, "--dump-dom", page.toUri().toString());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** A PNG screenshot of {@code page}, {@code width} × {@code height} pixels. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(
        null,
        "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height,
        "--hide-scrollbars",
        page.toUri().toString());
  }

  /** {@code page} printed to PDF with its print stylesheet. */
  void printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
    run(
        null,
        "--print-to-pdf=" + pdf.toAbsolutePath(),
        "--no-pdf-header-footer",
        page.toUri().toString());
  }

  private void run(Path stdout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--user-data-dir=" + profile.toAbsolutePath(),
            "--virtual-time-budget=10000",
            "--run-all-compositor-stages-before-draw"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Path log = profile.resolveSibling("chromium.log");
    pb.redirectError(log.toFile());
    if (stdout != null) {
      pb.redirectOutput(stdout.toFile());
    } else {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not finish in 180 s: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "Chromium failed (exit " + p.exitValue() + "): " + Files.readString(log));
    }
  }
}
