package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.contact.ContactStatusQuery;
import org.bridgeway.supervision.contact.ContactStatusQuery.CaseContactStatus;
import org.springframework.stereotype.Component;

/**
 * The caseload's next-contact and violation columns, from each case's contact standard ({@link
 * ContactStatusQuery#statusOf}, one query for the page).
 */
@Component
class ContactColumns implements CaseloadColumns {

  private final ContactStatusQuery contacts;

  ContactColumns(ContactStatusQuery contacts) {
    this.contacts = contacts;
  }

  @Override
  public Map<CaseId, CaseloadFlags> flags(
      BridgewayPrincipal principal, Collection<Line> lines, LocalDate today) {
    Map<CaseId, CaseContactStatus> found =
        contacts.statusOf(principal, lines.stream().map(Line::supervisionCase).toList(), today);
    Map<CaseId, CaseloadFlags> flags = new HashMap<>();
    found.forEach(
        (id, status) ->
            flags.put(
                id,
                new CaseloadFlags(
                    null,
                    null,
                    status.nextContactDue(),
                    status.overdue(),
                    status.openViolations(),
                    null,
                    null)));
    return flags;
  }
}
