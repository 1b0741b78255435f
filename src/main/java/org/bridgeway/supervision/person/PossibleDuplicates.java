package org.bridgeway.supervision.person;

import java.util.List;

/**
 * The person being entered looks like one or more people the agency already has. Nothing was
 * written; the caller reviews the candidates and either uses one of them or enters the person
 * anyway.
 */
public class PossibleDuplicates extends RuntimeException {

  private final List<DuplicateCandidate> candidates;

  public PossibleDuplicates(List<DuplicateCandidate> candidates) {
    super(candidates.size() + " possible duplicate(s)");
    this.candidates = List.copyOf(candidates);
  }

  public List<DuplicateCandidate> candidates() {
    return candidates;
  }
}
