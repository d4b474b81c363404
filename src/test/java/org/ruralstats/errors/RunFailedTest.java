package org.ruralstats.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkException;
import org.apache.spark.util.SparkFatalException;
import org.junit.jupiter.api.Test;

/**
 * The one-line error of a failed run: a run that ran out of memory says so and says how to give it
 * more, whether the error is in the causes (a task of the local JVM) or only named in a message (an
 * executor's failure on a cluster); any other failure keeps the general message.
 */
class RunFailedTest {
  /** The chain a local run that ran out of memory while writing the raw zone ended with. */
  private static Throwable localOutOfMemory() {
    SparkException task =
        new SparkException(
            "[TASK_WRITE_FAILED] Task failed while writing rows to file:/tmp/wsp/raw/rows."
                + " SQLSTATE: 58030",
            new OutOfMemoryError("Java heap space"));
    return new IllegalStateException(task.toString(), task);
  }

  @Test
  void aRunOutOfMemorySaysSoAndHowToGiveItMore() {
    RunFailure f = RuralStatsErrors.runFailed(localOutOfMemory());
    assertEquals(RuralStatsErrors.FAILED, f.exitCode());
    String m = f.getMessage();
    assertTrue(m.startsWith("the run failed: Java ran out of memory (Java heap space): "), m);
    assertTrue(m.contains("Task failed while writing rows to file:/tmp/wsp/raw/rows"), m);
    // Spark is stopping the JVM, so the rollback cannot run now: the next run restores the tables
    assertTrue(m.contains("Nothing published changed; give the job more memory"), m);
    assertTrue(m.contains("RURAL_STATS_JAVA_OPTS=-Xmx8g"), m);
    assertTrue(m.contains("--driver-memory") && m.contains("spark.executor.memory"), m);
    assertFalse(m.contains("\n"), "one line: " + m);
  }

  @Test
  void anExecutorOutOfMemoryNamedInTheMessageCountsToo() {
    SparkException job =
        new SparkException(
            "Job aborted due to stage failure: Task 3 in stage 91.0 failed 4 times, most recent"
                + " failure: Lost task 3.3 in stage 91.0 (TID 40) (10.0.0.7 executor 2):"
                + " java.lang.OutOfMemoryError: Java heap space\n\tat java.base/...");
    String m = RuralStatsErrors.runFailed(job).getMessage();
    assertTrue(m.startsWith("the run failed: Java ran out of memory: Job aborted"), m);
    assertTrue(m.contains("spark.executor.memory"), m);
  }

  @Test
  void aDriverOutOfMemoryForABroadcastCountsToo() {
    // the chain a cluster run with a 512 MB driver ended with: Spark keeps no OutOfMemoryError
    SparkException spark =
        new SparkException(
            "Not enough memory to build and broadcast the table to all worker nodes. As a"
                + " workaround, you can either disable broadcast by setting"
                + " spark.sql.autoBroadcastJoinThreshold to -1 or increase the spark driver memory"
                + " by setting spark.driver.memory to a higher value");
    Throwable run =
        new ExecutionException(
            new SparkFatalException(spark).toString(), new SparkFatalException(spark));
    String m = RuralStatsErrors.runFailed(run).getMessage();
    assertTrue(m.startsWith("the run failed: Java ran out of memory: "), m);
    assertTrue(m.contains("Not enough memory to build and broadcast the table"), m);
    assertTrue(m.contains("--driver-memory"), m);
  }

  @Test
  void anyOtherFailureKeepsTheGeneralMessage() {
    String m =
        RuralStatsErrors.runFailed(new SparkException("[PATH_NOT_FOUND] Path does not exist"))
            .getMessage();
    assertEquals(
        "the run failed: [PATH_NOT_FOUND] Path does not exist. Every table is restored to the"
            + " last published run; fix the cause and run again (the full trace is in the log).",
        m);
  }
}
