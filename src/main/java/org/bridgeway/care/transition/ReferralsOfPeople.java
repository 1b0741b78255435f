package org.bridgeway.care.transition;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.SentReferrals;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Component;

/** {@link PersonReferrals} through the referrals module's {@link SentReferrals}. */
@Component
class ReferralsOfPeople implements PersonReferrals {

  private final SentReferrals referrals;

  ReferralsOfPeople(SentReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public Optional<Instant> sentAt(PersonId person, UUID referral) {
    return referrals
        .sentReferral(new ReferralId(referral))
        .filter(r -> r.person().equals(person))
        .map(SentReferrals.SentReferral::sentAt);
  }
}
