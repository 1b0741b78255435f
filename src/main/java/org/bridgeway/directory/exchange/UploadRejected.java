package org.bridgeway.directory.exchange;

import java.util.List;

/**
 * An upload refused at once, before any job is queued: empty, too large, of no accepted form, or
 * not well-formed (JSON syntax, a broken or oversized ZIP). Nothing is stored.
 */
public class UploadRejected extends RuntimeException {

  private final boolean tooLarge;
  private final List<ImportProblem> problems;

  UploadRejected(boolean tooLarge, List<ImportProblem> problems) {
    super("The upload was refused: " + problems.getFirst().message());
    this.tooLarge = tooLarge;
    this.problems = List.copyOf(problems);
  }

  /** Whether the upload is refused for its size (HTTP 413) rather than its content (400). */
  public boolean tooLarge() {
    return tooLarge;
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
