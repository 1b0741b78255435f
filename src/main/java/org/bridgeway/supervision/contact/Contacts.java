package org.bridgeway.supervision.contact;

import java.util.List;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.springframework.data.repository.ListCrudRepository;

/** All contacts with people on supervision. */
public interface Contacts extends ListCrudRepository<Contact, ContactId> {

  List<Contact> findByCaseIdOrderByScheduledForDesc(CaseId caseId);
}
