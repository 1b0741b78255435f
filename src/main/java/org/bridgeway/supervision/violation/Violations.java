package org.bridgeway.supervision.violation;

import java.util.List;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ViolationId;
import org.springframework.data.repository.ListCrudRepository;

/** All violations of the terms of supervision. */
public interface Violations extends ListCrudRepository<Violation, ViolationId> {

  List<Violation> findByCaseIdOrderByOccurredOnDescRecordedAtDesc(CaseId caseId);
}
