package org.bridgeway.consent;

/**
 * How protected a piece of data is. Ordinary data follows the role and relationship rules alone;
 * health data and Part 2 data (everything that comes from a 42 CFR Part 2 program) are disclosed
 * only as a consent directive allows.
 */
public enum Sensitivity {
  ORDINARY,
  HEALTH,
  PART_2;

  /** Whether disclosing data of this sensitivity needs the consent engine's permission. */
  public boolean needsConsent() {
    return this != ORDINARY;
  }
}
