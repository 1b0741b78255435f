package org.bridgeway.outcomes.evidence;

import java.util.List;

/**
 * What counts as the outcome of a spell. The recidivism definitions are those of the outcome
 * measures: an event of one of the kinds on or after the spell's start and before its N-th
 * anniversary. Successful completion is the spell ending COMPLETED or EARLY_DISCHARGE.
 */
public enum OutcomeDefinition {
  REARREST(List.of("ARREST")),
  RECONVICTION(List.of("CONVICTION")),
  RETURN_TO_CUSTODY(List.of("RETURN_TO_CUSTODY", "REVOCATION")),
  COMPLETION(List.of());

  private final List<String> eventKinds;

  OutcomeDefinition(List<String> eventKinds) {
    this.eventKinds = eventKinds;
  }

  /** The outcome event kinds that count; empty for completion. */
  public List<String> eventKinds() {
    return eventKinds;
  }

  public boolean recidivism() {
    return this != COMPLETION;
  }

  /** Whether the outcome is a good one (completion), so a higher rate is better. */
  public boolean favourable() {
    return this == COMPLETION;
  }

  public String messageKey() {
    return "evidence.outcome." + name();
  }
}
