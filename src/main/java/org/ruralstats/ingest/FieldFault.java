package org.ruralstats.ingest;

/**
 * A value that breaks the contract. Thrown by the value checks and turned into a reject; it carries
 * no stack trace because it is an expected outcome, not a program error.
 */
public final class FieldFault extends Exception {
  private final RejectCode code;

  /** A fault with its reason code and a message that says what is wrong and what is expected. */
  public FieldFault(RejectCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The reason code. */
  public RejectCode code() {
    return code;
  }
}
