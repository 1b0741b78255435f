package org.bridgeway.care.reminder;

import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** The reminder preferences of people who told the agency any. */
interface ReminderPreferences extends ListCrudRepository<ReminderPreference, PersonId> {}
