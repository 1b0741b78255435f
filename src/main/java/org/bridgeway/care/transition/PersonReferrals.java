package org.bridgeway.care.transition;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.supervision.PersonId;

/**
 * What a transition needs to know of a referral, from the referrals module: whether it is one of
 * the person's referrals that was sent, and when.
 */
public interface PersonReferrals {

  /** When the referral was sent, if it is one of the person's and was sent; empty otherwise. */
  Optional<Instant> sentAt(PersonId person, UUID referral);
}
