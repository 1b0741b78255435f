package org.bridgeway.outcomes.event;

/**
 * An import refused: nothing was written, and the report lists every error by row and column.
 *
 * @param tooLarge whether it was refused for its size (413) rather than its content (400)
 */
public class EventImportRejected extends RuntimeException {

  private final transient Object report;
  private final boolean tooLarge;

  public EventImportRejected(Object report, boolean tooLarge) {
    super("The import was rejected");
    this.report = report;
    this.tooLarge = tooLarge;
  }

  /** The report: an {@link EventImportReport}, or a cohort import's report. */
  public Object report() {
    return report;
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
