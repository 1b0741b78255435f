package org.bridgeway.referrals;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * Who a referral is about and between whom, for a module that reacts to {@link ReferralChanged}
 * (care opens a treatment episode when a treatment provider accepts). Ids and the person's name and
 * date of birth as the referrer gave them to the provider; nothing of the referral's content.
 */
public interface ReferralParties {

  /**
   * The parties of a referral.
   *
   * @param personBirthDate null if the referrer did not give it
   * @param provider the network organization that provides the service; null off the platform
   * @param directoryService the directory service referred to; null off the platform
   */
  record Parties(
      ReferralId referral,
      PersonId person,
      String personName,
      LocalDate personBirthDate,
      OrganizationId referringOrganization,
      OrganizationId provider,
      UUID directoryService) {}

  /** The parties of the referral; empty if there is no such referral. */
  Optional<Parties> partiesOf(ReferralId referral);
}
