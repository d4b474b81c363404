package org.ruralstats.privacy;

import java.lang.reflect.Field;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;
import org.slf4j.LoggerFactory;

/**
 * Keeps Parquet from writing the values it stores into the log. Parquet decides once per JVM, when
 * its class {@value #MESSAGE_COLUMN_IO} is first loaded, whether to wrap every record writer in a
 * {@code RecordConsumerLoggingWrapper}, which logs each value written, a string as its bytes
 * ({@code [49, 52, 49, ...]}); with DEBUG logging on for {@code org.apache.parquet} the raw zone's
 * ID numbers would reach the log. This Spark plugin loads that class with its logger below DEBUG
 * when the driver and each executor start, before any task writes, so the wrapper is never
 * installed, whatever the log levels later. It also sets Parquet's footer logger ({@value
 * #FOOTERS}) to INFO when it finds it at DEBUG (a level a later setting for that very logger can
 * undo). The job's sessions always list it in {@code spark.plugins} ({@link
 * org.ruralstats.config.SparkSessions}), beside any plugins given with {@code --conf}.
 */
public final class ParquetValueLogging implements SparkPlugin {
  /** The Parquet class whose initialization decides whether values are logged. */
  public static final String MESSAGE_COLUMN_IO = "org.apache.parquet.io.MessageColumnIO";

  /**
   * The logger of Parquet's footer reader, which at DEBUG prints each footer read, its columns'
   * smallest and largest values among it (as hexadecimal bytes: a raw file's can be an ID number).
   */
  public static final String FOOTERS =
      "org.apache.parquet.format.converter.ParquetMetadataConverter";

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ParquetValueLogging.class);

  @Override
  public DriverPlugin driverPlugin() {
    guard();
    return new DriverPlugin() {};
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    guard();
    return new ExecutorPlugin() {};
  }

  /**
   * Loads {@value #MESSAGE_COLUMN_IO} with its logger below DEBUG (for that moment only), once per
   * JVM.
   *
   * @throws IllegalStateException when Parquet would log values all the same (its class was loaded
   *     earlier with DEBUG on, or the logging back end is not Log4j 2 and has DEBUG on for it)
   */
  public static synchronized void guard() {
    if (LoggerFactory.getLogger(FOOTERS).isDebugEnabled()) {
      try {
        org.apache.logging.log4j.core.config.Configurator.setLevel(
            FOOTERS, org.apache.logging.log4j.Level.INFO);
        LOG.warn(
            "logger {} set to INFO: at DEBUG it prints each Parquet footer read, whose smallest"
                + " and largest values can be ID numbers",
            FOOTERS);
      } catch (LinkageError notLog4j) {
        LOG.warn("logger {} is at DEBUG: Parquet footers it prints can hold ID numbers", FOOTERS);
      }
    }
    if (LoggerFactory.getLogger(MESSAGE_COLUMN_IO).isDebugEnabled()) {
      loadWithLevelBelowDebug();
    } else {
      load();
    }
    if (Boolean.TRUE.equals(valuesLogged())) {
      throw new IllegalStateException(
          "Parquet logs every value it writes (logger "
              + MESSAGE_COLUMN_IO
              + " was at DEBUG when Parquet started), which would put the raw zone's ID numbers"
              + " into the log: set the loggers of org.apache.parquet to INFO or above in the"
              + " logging configuration and run again");
    }
  }

  /**
   * Whether Parquet in this JVM logs every value it writes; null when it cannot be told (a Parquet
   * version without the switch this class knows).
   */
  public static Boolean valuesLogged() {
    try {
      Field debug = load().getDeclaredField("DEBUG");
      debug.setAccessible(true);
      return debug.getBoolean(null);
    } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  private static void loadWithLevelBelowDebug() {
    org.apache.logging.log4j.Level before;
    try {
      before = org.apache.logging.log4j.LogManager.getLogger(MESSAGE_COLUMN_IO).getLevel();
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          MESSAGE_COLUMN_IO, org.apache.logging.log4j.Level.INFO);
    } catch (LinkageError notLog4j) {
      load(); // not Log4j 2: guard() then says how to set the level
      return;
    }
    try {
      load();
    } finally {
      org.apache.logging.log4j.core.config.Configurator.setLevel(MESSAGE_COLUMN_IO, before);
    }
  }

  private static Class<?> load() {
    try {
      return Class.forName(MESSAGE_COLUMN_IO, true, ParquetValueLogging.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Parquet is not on the class path: " + e.getMessage(), e);
    }
  }
}
