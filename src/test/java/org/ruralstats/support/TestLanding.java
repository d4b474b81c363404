package org.ruralstats.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes landing folders for tests: files into source folders, in a chosen encoding. */
public final class TestLanding {
  /** The county of the test dictionary. */
  public static final String COUNTY = "141123000000";

  /** Township 罗峪口镇. */
  public static final String T1 = "141123105000";

  /** Township 蔚汾镇. */
  public static final String T2 = "141123100000";

  /** Villages: two in T1, one in T2. */
  public static final String V1 = "141123105201";

  public static final String V2 = "141123105202";
  public static final String V3 = "141123100201";

  /** A small valid division dictionary. */
  public static final String DIVISIONS =
      "code,name,level,parent_code\n"
          + COUNTY
          + ",兴县,county,\n"
          + T1
          + ",罗峪口镇,镇,"
          + COUNTY
          + "\n"
          + T2
          + ",蔚汾镇,township,"
          + COUNTY
          + "\n"
          + V1
          + ",史家山村,村,"
          + T1
          + "\n"
          + V2
          + ",罗峪口村,village,"
          + T1
          + "\n"
          + V3
          + ",西关村,社区,"
          + T2
          + "\n";

  private final Path root;

  /** A landing folder at {@code root}. */
  public TestLanding(Path root) {
    this.root = root;
  }

  /** The folder. */
  public Path root() {
    return root;
  }

  /** Writes a UTF-8 file. */
  public TestLanding write(String source, String file, String text) {
    return write(source, file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file in the given encoding. */
  public TestLanding write(String source, String file, String text, Charset charset) {
    return write(source, file, text.getBytes(charset));
  }

  /** Writes raw bytes. */
  public TestLanding write(String source, String file, byte[] content) {
    try {
      Path dir = Files.createDirectories(root.resolve(source));
      Files.write(dir.resolve(file), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file. */
  public TestLanding delete(String source, String file) {
    try {
      Files.delete(root.resolve(source).resolve(file));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of a county inside this (several-counties) landing folder. */
  public TestLanding county(String code) {
    return new TestLanding(root.resolve(code));
  }

  /** A small dictionary of one county: one township {@code <6 digits>100000}, one village. */
  public static String dictionary(String county, String name) {
    String six = county.substring(0, 6);
    return "code,name,level,parent_code\n"
        + county
        + ","
        + name
        + ",county,\n"
        + six
        + "100000,城关镇,township,"
        + county
        + "\n"
        + six
        + "100201,城关村,village,"
        + six
        + "100000\n";
  }

  /** Writes the small dictionary. */
  public TestLanding withDivisions() {
    return write("divisions", "2024-01-01.csv", DIVISIONS);
  }
}
