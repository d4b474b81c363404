package org.ruralstats.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.ruralstats.ingest.ResidentId;

/**
 * Turns DEBUG logging on for every logger and searches every log line (message and stack trace) for
 * anything shaped like an ID number that is a valid one (check character right), as text or as
 * bytes written out as numbers; also helpers to write valid IDs and to remove a landing folder's
 * records of some persons.
 */
public final class IdScan extends AbstractAppender {
  private static final Pattern ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

  private final List<String> hits = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong lines = new AtomicLong();
  private final Map<String, Level> levels = new HashMap<>();
  private final Map<String, org.apache.logging.log4j.core.Appender> muted = new HashMap<>();

  private IdScan() {
    super("id-scan", null, null, true, Property.EMPTY_ARRAY);
  }

  /** A scanner of texts given to {@link #scan} only: no logger is touched. */
  static IdScan ofTexts() {
    return new IdScan();
  }

  /** Starts scanning, with every logger at DEBUG. */
  public static IdScan begin() {
    TestSpark.session();
    IdScan s = new IdScan();
    s.start0();
    return s;
  }

  private void start0() {
    start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    cfg.addAppender(this);
    for (LoggerConfig lc : loggers(cfg)) {
      levels.put(lc.getName(), lc.getLevel());
    }
    debugLevels();
    // the DEBUG lines are searched, not printed (millions of lines would flood the test output)
    muted.putAll(cfg.getRootLogger().getAppenders());
    muted.keySet().forEach(cfg.getRootLogger()::removeAppender);
    cfg.getRootLogger().addAppender(this, Level.ALL, null);
    ctx.updateLoggers();
  }

  private static List<LoggerConfig> loggers(Configuration cfg) {
    List<LoggerConfig> out = new ArrayList<>(cfg.getLoggers().values());
    out.add(cfg.getRootLogger());
    return out;
  }

  /** Puts every logger at DEBUG (as {@link #begin} does). */
  public void debugLevels() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    for (LoggerConfig lc : loggers(ctx.getConfiguration())) {
      lc.setLevel(Level.DEBUG);
    }
    ctx.updateLoggers();
  }

  /**
   * Puts every logger back at its own level but keeps searching every line it logs: DEBUG on every
   * logger makes Spark and Delta many times slower, so the phases that only repeat what was already
   * searched at DEBUG run at the usual levels.
   */
  public void usualLevels() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    for (LoggerConfig lc : loggers(ctx.getConfiguration())) {
      if (levels.containsKey(lc.getName())) {
        lc.setLevel(levels.get(lc.getName()));
      }
    }
    ctx.updateLoggers();
  }

  /** Restores the levels and stops scanning. */
  public void end() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    cfg.getRootLogger().removeAppender(getName());
    muted.values().forEach(a -> cfg.getRootLogger().addAppender(a, null, null));
    for (LoggerConfig lc : loggers(cfg)) {
      if (levels.containsKey(lc.getName())) {
        lc.setLevel(levels.get(lc.getName()));
      }
    }
    ctx.updateLoggers();
    stop();
  }

  @Override
  public void append(LogEvent e) {
    lines.incrementAndGet();
    scan(e.getLoggerName() + ": " + e.getMessage().getFormattedMessage());
    if (e.getThrown() != null) {
      StringWriter w = new StringWriter();
      e.getThrown().printStackTrace(new PrintWriter(w));
      scan(w.toString());
    }
  }

  /** Searches a text (a log line, a console output) for valid ID numbers. */
  public void scan(String text) {
    scanText(text, null);
    // bytes written out as numbers, as libraries log binary values: "[49, 52, 49, ...]" (Java's
    // Arrays.toString, Parquet's value logging) or "31 34 31 ..." (hexadecimal, Thrift's)
    for (Pattern bytes : List.of(DECIMAL_BYTES, HEX_BYTES)) {
      Matcher b = bytes.matcher(text);
      while (b.find()) {
        scanText(decode(b.group(), bytes == HEX_BYTES), text.substring(b.start(), b.end()));
      }
    }
  }

  private static final Pattern DECIMAL_BYTES =
      Pattern.compile("\\[-?[0-9]{1,3}(?:, -?[0-9]{1,3}){17,}\\]");
  private static final Pattern HEX_BYTES =
      Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2}){17,}(?![0-9A-Fa-f])");

  /** The text of bytes written as decimal or hexadecimal numbers (ISO-8859-1: one char a byte). */
  static String decode(String numbers, boolean hex) {
    String[] parts = numbers.replaceAll("[\\[\\]]", "").split(",? ");
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      s.append((char) (Integer.parseInt(p.strip(), hex ? 16 : 10) & 0xff));
    }
    return s.toString();
  }

  /** {@code bytes}: the numbers {@code text} was decoded from, shown in a hit; null for text. */
  private void scanText(String text, String bytes) {
    Matcher m = ID.matcher(text);
    while (m.find()) {
      String id = m.group().toUpperCase(java.util.Locale.ROOT);
      if (isId(id)) {
        if (bytes == null) {
          int from = Math.max(0, m.start() - 80);
          hits.add(text.substring(from, Math.min(text.length(), m.end() + 40)));
        } else {
          hits.add("as bytes: " + bytes.substring(0, Math.min(bytes.length(), 200)));
        }
      }
    }
  }

  /**
   * Whether 18 characters (17 digits and a digit or X) are a resident's ID number: valid as the
   * ingest checks it ({@link ResidentId#normalize}: a real birth date, the right check character)
   * and shaped like a resident's, not like any long number Spark logs (a shuffle checksum such as
   * -258742788855018719 has a right check character one time in eleven): a province code of GB/T
   * 2260 in digits 1-2 and a birth year from 1900 to 2030.
   */
  static boolean isId(String id) {
    try {
      ResidentId.normalize(id);
    } catch (org.ruralstats.ingest.FieldFault notAnId) {
      return false;
    }
    int province = Integer.parseInt(id.substring(0, 2));
    int year = Integer.parseInt(id.substring(6, 10));
    boolean provinceCode =
        (province >= 11 && province <= 15)
            || (province >= 21 && province <= 23)
            || (province >= 31 && province <= 37)
            || (province >= 41 && province <= 46)
            || (province >= 50 && province <= 54)
            || (province >= 61 && province <= 65)
            || province == 71
            || province == 81
            || province == 82;
    return provinceCode && year >= 1900 && year <= 2030;
  }

  /** Log lines seen. */
  public long lines() {
    return lines.get();
  }

  /** Excerpts holding a valid ID number. */
  public List<String> hits() {
    return List.copyOf(hits);
  }

  /** A valid ID number from its first 17 digits. */
  public static String validId(String first17) {
    return first17 + ResidentId.checkCharacter(first17);
  }

  /**
   * Removes from every CSV file of a landing folder the records (quote-aware: a quoted field may
   * hold line breaks) holding one of {@code ids}; bytes are kept as they are (ISO-8859-1).
   *
   * @return records removed
   */
  public static int removeRecords(Path landing, Set<String> ids) throws IOException {
    int removed = 0;
    List<Path> files;
    try (Stream<Path> s = Files.walk(landing)) {
      files = s.filter(f -> f.toString().toLowerCase().endsWith(".csv")).toList();
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.ISO_8859_1);
      StringBuilder out = new StringBuilder();
      int start = 0;
      boolean quoted = false;
      for (int i = 0; i <= text.length(); i++) {
        char c = i < text.length() ? text.charAt(i) : '\n';
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '\n' && !quoted) {
          int end = Math.min(i + 1, text.length());
          String record = text.substring(start, end);
          if (ids.stream().anyMatch(record.toUpperCase(java.util.Locale.ROOT)::contains)) {
            removed++;
          } else {
            out.append(record);
          }
          start = end;
        }
      }
      Files.writeString(f, out, StandardCharsets.ISO_8859_1);
    }
    return removed;
  }
}
