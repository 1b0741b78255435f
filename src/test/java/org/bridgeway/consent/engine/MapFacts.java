package org.bridgeway.consent.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/** Decision facts held in maps, for the engine's unit tests. */
final class MapFacts implements DecisionFacts {

  final Set<PersonId> seen = new HashSet<>();
  final Map<PersonId, LocalDate> supervisionEnded = new HashMap<>();
  final Map<List<Object>, LocalDate> treatmentEnded = new HashMap<>();
  final Set<OrganizationId> part2 = new HashSet<>();
  final Set<PersonId> granted = new HashSet<>();

  @Override
  public boolean recipientSees(PersonId person) {
    return seen.contains(person);
  }

  @Override
  public Optional<LocalDate> supervisionEndedOn(PersonId person) {
    return Optional.ofNullable(supervisionEnded.get(person));
  }

  @Override
  public Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program) {
    return Optional.ofNullable(treatmentEnded.get(List.of(person, program)));
  }

  @Override
  public boolean isPart2Program(OrganizationId organization) {
    return part2.contains(organization);
  }

  @Override
  public boolean emergencyGrantInForce(PersonId person) {
    return granted.contains(person);
  }
}
