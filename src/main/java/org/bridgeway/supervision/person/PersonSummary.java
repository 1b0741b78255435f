package org.bridgeway.supervision.person;

import java.time.LocalDate;
import org.bridgeway.supervision.PersonId;

/** A person as a search lists them. */
public record PersonSummary(PersonId id, PersonName name, LocalDate dateOfBirth) {}
