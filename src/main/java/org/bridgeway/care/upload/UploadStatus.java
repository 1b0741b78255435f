package org.bridgeway.care.upload;

/** Where an upload job is. */
public enum UploadStatus {
  /** Waiting for the scheduler to pick it up. */
  QUEUED,
  /** Checking every row; nothing is written yet. */
  VALIDATING,
  /** Writing, in one transaction. */
  WRITING,
  /** Written. */
  SUCCEEDED,
  /** The file has errors: nothing was written; the report lists them. */
  REJECTED,
  /** An unexpected error, or too many interrupted attempts, stopped it: nothing was written. */
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == REJECTED || this == FAILED;
  }

  /** The message key of the status's label. */
  public String messageKey() {
    return "care.upload.status." + name();
  }
}
