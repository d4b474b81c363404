package org.ruralstats.errors;

/**
 * A failure the user must act on: its message is one line saying what is wrong, where, and what to
 * do, and it carries the exit code the command ends with. Built only by {@link RuralStatsErrors}.
 */
public final class RunFailure extends RuntimeException {
  private final int exitCode;

  RunFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code of the command that fails with this error. */
  public int exitCode() {
    return exitCode;
  }
}
