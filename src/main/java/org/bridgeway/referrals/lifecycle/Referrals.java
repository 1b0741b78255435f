package org.bridgeway.referrals.lifecycle;

import org.bridgeway.referrals.ReferralId;
import org.springframework.data.repository.ListCrudRepository;

/** All referrals. Lists and the inbox are read with SQL ({@link ReferralQueries}). */
public interface Referrals extends ListCrudRepository<Referral, ReferralId> {}
