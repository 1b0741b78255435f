package org.bridgeway.supervision.caseload;

import java.util.List;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All supervision cases. */
public interface Cases extends ListCrudRepository<SupervisionCase, CaseId> {

  List<SupervisionCase> findByPersonIdOrderByStartDateDesc(PersonId person);
}
