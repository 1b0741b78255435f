package org.bridgeway.care.episode;

import java.util.List;
import org.bridgeway.supervision.PersonId;

/**
 * A kind of provider record the officer's view of a person's treatment shows under consent. Each
 * kind of record (appointments, plans, progress, tests, discharges) gives its records of a person,
 * in the order they are shown; the view decides and discloses them with the free-text reports.
 */
public interface DisclosableRecords {

  List<DisclosableRecord> ofPerson(PersonId person);
}
