package org.bridgeway.supervision;

import java.util.Collection;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;

/**
 * Open alerts another module keeps on people on supervision (care's treatment alerts), counted on
 * the caseload page. Modules that depend on supervision declare one as a bean, so supervision never
 * depends on them. Asked once per caseload page with every person of it: an implementation answers
 * with one query, never one per person.
 */
public interface CaseloadSignals {

  /**
   * How many alerts of the agency are open (not yet acknowledged) per person; people without any
   * may be left out. Only counts: the caseload shows that alerts exist, never what they say.
   */
  Map<PersonId, Integer> openAlerts(OrganizationId agency, Collection<PersonId> people);
}
