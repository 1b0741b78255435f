package org.bridgeway.referrals;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * The sent referrals of a referring agency in bulk, for a module that keeps its own read model of
 * program participation (outcomes, ADR 0024): when each was sent, accepted or declined, to which
 * service and provider, for which need. Ids, codes and days only (in the application's zone); no
 * reason, history or note.
 */
public interface ReferralHistory {

  /**
   * A sent referral's course.
   *
   * @param service the directory service referred to; null off the platform
   * @param serviceName the service's name as referred, or the off-platform provider's name
   * @param provider the network organization providing the service; null off the platform
   * @param acceptedOn the first acceptance, or null
   * @param declinedOn the decline, or null
   * @param needDomain the need domain code the referral addresses
   */
  record ReferralCourse(
      ReferralId id,
      PersonId person,
      OrganizationId agency,
      LocalDate sentOn,
      LocalDate acceptedOn,
      LocalDate declinedOn,
      UUID service,
      String serviceName,
      OrganizationId provider,
      String needDomain,
      ReferralState state) {}

  /** Every sent referral the agency made. */
  List<ReferralCourse> sentBy(OrganizationId agency);

  /** The sent referrals the agency made for these people. */
  List<ReferralCourse> sentBy(OrganizationId agency, Collection<PersonId> people);
}
