package org.bridgeway.referrals.lifecycle;

import java.util.Optional;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralParties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The parties of referrals as stored. */
@Component
class StoredReferralParties implements ReferralParties {

  private final Referrals referrals;

  StoredReferralParties(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Parties> partiesOf(ReferralId referral) {
    return referrals
        .findById(referral)
        .map(
            r ->
                new Parties(
                    r.id(),
                    r.personId(),
                    r.personName(),
                    r.personBirthDate(),
                    r.referringOrganization(),
                    r.providerOrganization(),
                    r.service() == null ? null : r.service().value()));
  }
}
