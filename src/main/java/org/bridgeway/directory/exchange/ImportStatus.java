package org.bridgeway.directory.exchange;

/** Where an import job is. */
public enum ImportStatus {
  /** Waiting for the scheduler to pick it up. */
  QUEUED,
  /** Reading and checking everything; nothing is written yet. */
  VALIDATING,
  /** Writing, in one transaction. */
  WRITING,
  /** Written. */
  SUCCEEDED,
  /** Invalid: nothing was written; the report says why. */
  REJECTED,
  /** An unexpected error stopped it: nothing was written. */
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == REJECTED || this == FAILED;
  }

  /** The message key of the status's label. */
  public String messageKey() {
    return "directory.exchange.status." + name();
  }
}
