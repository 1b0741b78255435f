package org.bridgeway.referrals;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * What other modules may ask about a sent referral without reading it: whose it is, to which
 * organization, when it was sent and where it stands. Codes and ids only, no content; a caller
 * checks itself who may act on the answer (care links a transition of care to a referral of the
 * person and measures the time from sending to the first attended session).
 */
public interface SentReferrals {

  /**
   * A referral once sent.
   *
   * @param provider the network organization it went to; null for one sent off the platform
   */
  record SentReferral(
      ReferralId id,
      PersonId person,
      OrganizationId provider,
      Instant sentAt,
      ReferralState state) {}

  /** The referral if it exists and was sent (not a draft, not withdrawn before sending). */
  Optional<SentReferral> sentReferral(ReferralId referral);

  /** The sent referrals among these ids, by id (one query for many). */
  Map<ReferralId, SentReferral> sentReferrals(Collection<ReferralId> referrals);
}
