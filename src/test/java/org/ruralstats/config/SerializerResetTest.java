package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A cached block that Spark kept on disk is read back through its Java serializer, one batch of
 * rows per object. With the job's settings the stream lets go of each batch once the next is read;
 * with Spark's default it holds up to 100 of them (which ran four counties out of a 1.2 GB heap).
 */
class SerializerResetTest {

  private static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);

  @Test
  void aBlockReadBackFromDiskHoldsOneBatchAtATime() {
    SparkConf conf = SparkSessions.settings(new SparkConf(false), "x", 4);
    assertFalse(firstBatchStillHeld(conf), "the first batch is released once the next is read");
  }

  @Test
  void sparksDefaultHoldsTheBatchesAlreadyRead() {
    SparkConf conf = new SparkConf(false);
    assertTrue(
        firstBatchStillHeld(conf),
        "control: with Spark's default the stream keeps the first batch (else this test could not"
            + " tell the settings apart)");
  }

  /**
   * Writes three 1 MiB batches, reads them back one at a time keeping only the last, and tells
   * whether the open stream still holds the first after collections.
   */
  private static boolean firstBatchStillHeld(SparkConf conf) {
    SerializerInstance serializer = new JavaSerializer(conf).newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializationStream write = serializer.serializeStream(out);
    for (int i = 0; i < 3; i++) {
      write.writeObject(new byte[1 << 20], BYTES);
    }
    write.close();
    DeserializationStream read =
        serializer.deserializeStream(new ByteArrayInputStream(out.toByteArray()));
    WeakReference<byte[]> first = new WeakReference<>(read.readObject(BYTES));
    byte[] last = null;
    for (int i = 1; i < 3; i++) {
      last = read.readObject(BYTES);
    }
    for (int i = 0; i < 20 && first.get() != null; i++) {
      System.gc();
    }
    boolean held = first.get() != null;
    read.close();
    assertNotNull(last, "the third batch was read");
    return held;
  }
}
