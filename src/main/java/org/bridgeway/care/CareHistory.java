package org.bridgeway.care;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.supervision.PersonId;

/**
 * The treatment episodes and releases from custody of a supervising agency's people in bulk, for a
 * module that keeps its own read model of participation (outcomes, ADR 0024). Counts, days and
 * codes only: no session notes, no test results, no discharge summary text; the discharge is
 * reduced to its reason and how many plan goals it found achieved.
 */
public interface CareHistory {

  /**
   * An episode's course.
   *
   * @param referral the accepted referral the episode was opened from, or null
   * @param directoryService the directory service of the provider, or null
   * @param sessionsScheduled appointments not cancelled
   * @param sessionsAttended of those, attended (on time or late)
   * @param firstAttendedOn the day of the first attended session, or null
   * @param discharge the discharge record, null while in treatment
   * @param dischargeReason COMPLETED, LEFT_AGAINST_ADVICE, NON_ATTENDANCE, TRANSFERRED or OTHER
   * @param goalsMet the discharge's goals found achieved or partly achieved
   */
  record EpisodeCourse(
      TreatmentEpisodeId id,
      ReferralId referral,
      PersonId person,
      OrganizationId agency,
      OrganizationId provider,
      UUID directoryService,
      LocalDate startedOn,
      int sessionsScheduled,
      int sessionsAttended,
      LocalDate firstAttendedOn,
      UUID discharge,
      LocalDate dischargedOn,
      String dischargeReason,
      int goalsMet) {}

  /** A release from custody into community treatment. */
  record Release(UUID transition, PersonId person, OrganizationId agency, LocalDate releasedOn) {}

  /** The agency's episodes (of all its people, or of these people when some are named). */
  List<EpisodeCourse> episodes(OrganizationId agency, Collection<PersonId> people);

  /** The agency's releases from custody (all, or of these people when some are named). */
  List<Release> releases(OrganizationId agency, Collection<PersonId> people);
}
