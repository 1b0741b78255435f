package org.bridgeway.outcomes;

import java.util.Set;
import java.util.UUID;

/**
 * Published inside the outcomes module, in the writing transaction, whenever its read model of
 * people, spells, events or participation changes (an entry, an import, a copy from another
 * module). The precomputed measures listen after commit and recompute only these people, which is
 * what keeps the dashboards current without recomputing everything.
 *
 * @param agency the probation agency (identity organization id) whose people changed
 * @param people the outcomes person ids that changed; empty means "all of the agency" (a rebuild)
 */
public record OutcomeRecordsChanged(UUID agency, Set<UUID> people) {

  public OutcomeRecordsChanged {
    people = Set.copyOf(people);
  }

  /** Everything of the agency changed, as after a rebuild or a large import. */
  public static OutcomeRecordsChanged wholeAgency(UUID agency) {
    return new OutcomeRecordsChanged(agency, Set.of());
  }

  public boolean wholeAgency() {
    return people.isEmpty();
  }
}
