package org.bridgeway.supervision.demo;

import java.time.Duration;

/**
 * What the supervision generator built.
 *
 * @param alreadyPresent the agency's generated people were there already, so nothing was written
 * @param elapsed the whole generation, building rows and writing them
 * @param writing of which the COPY statements
 */
public record SupervisionGenerationSummary(
    String profile,
    int people,
    int openCases,
    int officers,
    int supervisors,
    long cases,
    long assessments,
    long conditions,
    long contacts,
    long violations,
    boolean alreadyPresent,
    Duration elapsed,
    Duration writing) {

  @Override
  public String toString() {
    return alreadyPresent
        ? "supervision (" + profile + ") already present"
        : String.format(
            "supervision (%s): %,d people, %,d open cases of %,d, %d officers in %d teams, %,d"
                + " assessments, %,d conditions, %,d contacts, %,d violations in %,d ms (writing"
                + " %,d ms)",
            profile,
            people,
            openCases,
            cases,
            officers,
            supervisors,
            assessments,
            conditions,
            contacts,
            violations,
            elapsed.toMillis(),
            writing.toMillis());
  }
}
