package org.bridgeway.care.alert;

import java.util.Collection;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.CaseloadSignals;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open treatment alerts per person on a caseload page, in one query. Only counts: that an alert
 * exists is the agency's own information, what it says is asked of the consent engine on the alert
 * pages.
 */
@Component
class AlertSignals implements CaseloadSignals {

  private final AlertStore store;

  AlertSignals(AlertStore store) {
    this.store = store;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<PersonId, Integer> openAlerts(OrganizationId agency, Collection<PersonId> people) {
    return store.openCounts(agency, people);
  }
}
