package org.bridgeway.referrals.pages;

import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The draft form's "Send": drafts and sends in one transaction, so that a send the service refuses
 * (ineligible without a justification, consent not covering what is shared) leaves no draft behind
 * and the form is shown again as typed.
 */
@Service
class DraftAndSend {

  private final ReferralRecords referrals;

  DraftAndSend(ReferralRecords referrals) {
    this.referrals = referrals;
  }

  @Transactional
  public ReferralView draftAndSend(
      BridgewayPrincipal principal,
      PersonId person,
      ReferralRecords.Draft draft,
      ReferralRecords.Send send) {
    ReferralView drafted = referrals.draft(principal, person, draft);
    return referrals.send(principal, drafted.id(), send, drafted.version());
  }
}
