package org.bridgeway.supervision.person;

import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All people on supervision, of every agency: callers scope by agency and caseload. */
public interface People extends ListCrudRepository<Person, PersonId> {}
