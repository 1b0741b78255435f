package org.bridgeway.supervision.caseload;

import java.util.List;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.springframework.data.repository.ListCrudRepository;

/** All conditions of supervision. */
public interface Conditions extends ListCrudRepository<Condition, ConditionId> {

  List<Condition> findByCaseIdOrderByCreatedAt(CaseId caseId);
}
