package org.ruralstats.jobs;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;

/**
 * A line on the console while a run has printed nothing for a while (the nightly job, and the
 * maintenance, erasure and key rotation, which are as silent on a province's tables). A step of a
 * large run goes silent for minutes between two lines of its own (the indicator statement of
 * sixteen counties ran 205 s here, one source of a province's landing folder may take as long), and
 * the data team watching a nightly run must tell a busy job from a stuck one. After every 30 s
 * without output ({@value #CONF_SECONDS}, {@link #DEFAULT_SECONDS}; 0 turns it off) it prints,
 * e.g.:
 *
 * <pre>  … 4:30 since the start: 1,204 Spark tasks finished (312 since the last line), 2 running
 * </pre>
 *
 * Counted from Spark's task events on the driver: two counters, whatever the rows. Events of other
 * work in the same session count too (none in a job's own session).
 */
final class Heartbeat implements AutoCloseable {
  /** Spark setting: seconds of silence before a line; 0 turns the lines off. */
  static final String CONF_SECONDS = "spark.ruralstats.progressSeconds";

  static final String DEFAULT_SECONDS = "30";

  private final SparkSession spark;
  private final PrintStream out;
  private final long start = System.nanoTime();
  private final AtomicLong lastOutput = new AtomicLong(start);
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private final SparkListener listener =
      new SparkListener() {
        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
          started.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
          finished.incrementAndGet();
        }
      };
  private final ScheduledExecutorService timer;
  private long finishedAtLastLine;

  private Heartbeat(SparkSession spark, PrintStream console, long everyMs) {
    this.spark = spark;
    this.out = new Watched(console, lastOutput);
    if (everyMs <= 0) {
      timer = null;
      return;
    }
    spark.sparkContext().addSparkListener(listener);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rural-stats-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long tick = Math.max(10, Math.min(1000, everyMs / 10));
    timer.scheduleWithFixedDelay(() -> beat(everyMs), tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts watching {@code console} for a run in {@code spark}; the run writes to {@link #out()}.
   *
   * @throws org.ruralstats.errors.RunFailure exit code 1 when {@value #CONF_SECONDS} is not a
   *     number of seconds
   */
  static Heartbeat start(SparkSession spark, PrintStream console) {
    String given = spark.conf().get(CONF_SECONDS, DEFAULT_SECONDS).trim();
    double seconds;
    try {
      seconds = Double.parseDouble(given);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw RuralStatsErrors.badConfig(
          CONF_SECONDS
              + " is '"
              + given
              + "', not a number of seconds; give e.g. 30, or 0 for no progress lines",
          null);
    }
    return new Heartbeat(spark, console, Math.round(seconds * 1000));
  }

  /**
   * Runs {@code body} with its console watched: {@code body} prints to the stream it is given. A
   * bad {@value #CONF_SECONDS} is printed as an error and its exit code returned, {@code body} not
   * run.
   *
   * @return {@code body}'s exit code
   */
  static int watch(SparkSession spark, PrintStream console, ToIntFunction<PrintStream> body) {
    Heartbeat heartbeat;
    try {
      heartbeat = start(spark, console);
    } catch (RunFailure f) {
      console.println("error: " + f.getMessage());
      return f.exitCode();
    }
    try (heartbeat) {
      return body.applyAsInt(heartbeat.out());
    }
  }

  /** The stream the run prints to: the console, each line of it restarting the silence. */
  PrintStream out() {
    return out;
  }

  private void beat(long everyMs) {
    long now = System.nanoTime();
    if (TimeUnit.NANOSECONDS.toMillis(now - lastOutput.get()) < everyMs) {
      return;
    }
    long done = finished.get();
    long running = Math.max(0, started.get() - done);
    String line =
        String.format(
            Locale.ROOT,
            "  … %s since the start: %,d Spark tasks finished (%,d since the last line), %d running",
            clock(now - start),
            done,
            done - finishedAtLastLine,
            running);
    finishedAtLastLine = done;
    out.println(line);
  }

  /**
   * The console as the run prints to it, noting the time of every output in {@code lastOutput}.
   * Lines and strings go to the console's own methods (so its encoding, and whatever a caller's
   * subclass does with a line, apply); anything else arrives as bytes, UTF-8.
   */
  private static final class Watched extends PrintStream {
    private final PrintStream console;
    private final AtomicLong lastOutput;

    Watched(PrintStream console, AtomicLong lastOutput) {
      super(
          new OutputStream() {
            @Override
            public void write(int b) {
              console.write(b);
              lastOutput.set(System.nanoTime());
            }

            @Override
            public void write(byte[] b, int off, int len) {
              console.write(b, off, len);
              lastOutput.set(System.nanoTime());
            }

            @Override
            public void flush() {
              console.flush();
            }
          },
          true,
          StandardCharsets.UTF_8);
      this.console = console;
      this.lastOutput = lastOutput;
    }

    @Override
    public void print(String s) {
      console.print(s);
      lastOutput.set(System.nanoTime());
    }

    @Override
    public void println(String line) {
      console.println(line);
      lastOutput.set(System.nanoTime());
    }

    @Override
    public void println(Object x) {
      console.println(x);
      lastOutput.set(System.nanoTime());
    }

    @Override
    public void println() {
      console.println();
      lastOutput.set(System.nanoTime());
    }
  }

  /** Minutes and seconds, e.g. {@code 4:30}. */
  static String clock(long nanos) {
    long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      spark.sparkContext().removeSparkListener(listener);
    }
    out.flush();
  }
}
