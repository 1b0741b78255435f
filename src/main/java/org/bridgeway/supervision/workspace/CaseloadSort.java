package org.bridgeway.supervision.workspace;

/** The columns a caseload page sorts by. */
public enum CaseloadSort {
  NAME(true),
  TYPE(true),
  LEVEL(true),
  RISK(false),
  NEEDS(false),
  NEXT_CONTACT(false),
  ALERTS(false),
  END(true);

  private final boolean inDatabase;

  CaseloadSort(boolean inDatabase) {
    this.inDatabase = inDatabase;
  }

  /** Whether the database sorts by this column; the others are filled in by other parts. */
  public boolean inDatabase() {
    return inDatabase;
  }
}
