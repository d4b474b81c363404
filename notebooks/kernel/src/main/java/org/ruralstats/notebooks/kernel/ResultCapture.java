package org.ruralstats.notebooks.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in the kernel's own JVM (so a cell's Spark session and the kernel share one JVM)
 * and keeps the value of each executed snippet as an object, not only as JShell's string: the
 * string JShell gets back is a key, and {@link #take} returns the object behind it.
 */
final class ResultCapture extends DirectExecutionControl {
  private static final String KEY_PREFIX = "rs-result-";
  private final Map<String, Object> results = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  @Override
  protected String invoke(Method doit) throws Exception {
    Object value = doit.invoke(null);
    String key = KEY_PREFIX + next.incrementAndGet();
    if (value != null) {
      results.put(key, value);
    }
    return key;
  }

  /** The value stored under {@code key} (removed), or null for no value or a foreign string. */
  Object take(String key) {
    return key == null ? null : results.remove(key);
  }

  /** Whether {@code s} is a key this control handed out (a snippet that ran). */
  static boolean isKey(String s) {
    return s != null && s.startsWith(KEY_PREFIX);
  }

  /** The provider JShell asks for its engine; always hands out {@code control}. */
  static ExecutionControlProvider provider(ResultCapture control) {
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "rural-stats-direct";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
      }
    };
  }
}
