package org.bridgeway.supervision.person;

import java.util.Set;
import org.bridgeway.supervision.PersonId;

/**
 * A person of the same agency who may be the one being entered.
 *
 * @param score from 0 to 1; 0.7 and above is a likely duplicate
 * @param reasons what matched
 * @param seen the candidate's name and birth date if the caller sees them, else null: a likely
 *     duplicate on a colleague's caseload is named only by id, for the agency to resolve
 */
public record DuplicateCandidate(
    PersonId person, double score, Set<MatchReason> reasons, PersonSummary seen) {

  DuplicateCandidate(PersonId person, double score, Set<MatchReason> reasons) {
    this(person, score, reasons, null);
  }

  DuplicateCandidate seenAs(PersonSummary summary) {
    return new DuplicateCandidate(person, score, reasons, summary);
  }

  /** What made a person a likely duplicate. */
  public enum MatchReason {
    /** The same or nearly the same given and family name. */
    NAME,
    /** A name that is alike, but not nearly the same. */
    SIMILAR_NAME,
    /** The given and family name swapped. */
    TRANSPOSED_NAME,
    /** A familiar form of the given name: Bill for William. */
    NICKNAME,
    /** The name matches one of the person's aliases. */
    ALIAS,
    DATE_OF_BIRTH,
    /** Day and month swapped, or one part of the date different. */
    SIMILAR_DATE_OF_BIRTH,
    /** An identifier of the same kind and value. */
    IDENTIFIER
  }
}
